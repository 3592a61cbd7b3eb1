package org.fieldsupport.infra;

/** An existing PostgreSQL server, reached with an administrator role that may create roles and databases. */
public record ExternalPostgres(String host, int port, String adminUser, String adminPassword)
        implements PostgresServer {

    @Override
    public void close() {
        // Not ours to stop.
    }
}
