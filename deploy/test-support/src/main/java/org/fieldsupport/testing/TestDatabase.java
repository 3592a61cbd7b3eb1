package org.fieldsupport.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct reads of the service's database, to check what a request did or did not store. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The single number a query such as {@code select count(*) from ticket} returns. */
    public static long number(String sql) {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.jdbcUrl(),
                TestInfrastructure.jdbcUser(), TestInfrastructure.jdbcPassword());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    public static long rows(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return number("select count(*) from " + table);
    }
}
