package org.fieldsupport.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One database and one role per service, on the embedded server or on an existing one reached as a non-superuser. */
class PostgresServerTest {

    static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.start(Files.createTempDirectory("pg-test").resolve("data"), 0);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create role platform_admin login createrole createdb password 'admin'");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNonSuperuserAdministratorCreatesEachServicesDatabaseOwnedByItsRole() throws Exception {
        PostgresServer existing = new ExternalPostgres("127.0.0.1", server.port(), "platform_admin", "admin");
        existing.ensureDatabase("alpha_service", "alpha_service", "alpha");
        existing.ensureDatabase("beta_service", "beta_service", "beta");
        existing.ensureDatabase("alpha_service", "alpha_service", "alpha");

        try (Connection alpha = DriverManager.getConnection(server.jdbcUrl("alpha_service"), "alpha_service",
                "alpha"); Statement s = alpha.createStatement()) {
            s.execute("create table owned_by_alpha (id int)");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("beta_service"), "alpha_service",
                "alpha").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("CONNECT");
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        assertThatThrownBy(() -> server.ensureDatabase("x; drop database postgres", "x", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
