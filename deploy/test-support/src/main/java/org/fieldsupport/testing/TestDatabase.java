package org.fieldsupport.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct reads of the service's database, to check what a request did or did not store, and test data. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The single number a query such as {@code select count(*) from ticket} returns. */
    public static long number(String sql) {
        return firstValue(sql, rs -> rs.getLong(1));
    }

    /** The text a query returns in its single row and column, such as a {@code string_agg}. */
    public static String text(String sql) {
        return firstValue(sql, rs -> rs.getString(1));
    }

    /** Runs a statement that returns no rows, such as an insert of data a test needs to be old. */
    public static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }

    public static long rows(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return number("select count(*) from " + table);
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T firstValue(String sql, Column<T> column) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return column.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl(), TestInfrastructure.jdbcUser(),
                TestInfrastructure.jdbcPassword());
    }
}
