package org.fieldsupport.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server the platform can use: the embedded one, or an existing server reached with an administrator
 * role. Each service gets its own database and its own role; no service can read another's.
 */
public interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    String adminUser();

    String adminPassword();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the role and the database it owns, if they do not exist yet; resets the role's password. */
    default void ensureDatabase(String database, String role, String password) {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), adminUser(), adminPassword());
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", role)) {
                statement.execute("create role " + role + " login");
            }
            try (PreparedStatement setPassword = connection.prepareStatement(
                    "select format('alter role %I password %L', ?::text, ?::text)")) {
                setPassword.setString(1, role);
                setPassword.setString(2, password);
                try (ResultSet rs = setPassword.executeQuery()) {
                    rs.next();
                    statement.execute(rs.getString(1));
                }
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                // A non-superuser administrator (CREATEROLE, CREATEDB) may only give a database to a role it is a
                // member of; a superuser is a member of every role already.
                if (!isSuperuser(connection)) {
                    statement.execute("grant " + role + " to current_user");
                }
                statement.execute("create database " + database + " owner " + role);
                statement.execute("revoke all on database " + database + " from public");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + database + " on " + host() + ":" + port(), e);
        }
    }

    @Override
    void close();

    private static boolean isSuperuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
    }
}
