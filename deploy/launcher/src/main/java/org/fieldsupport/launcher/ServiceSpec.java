package org.fieldsupport.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the four services as the launcher runs it: its folder, HTTP port and database, and the JVM options it gets
 * on top of everyone's ({@code SERVICE_JAVA_OPTS}).
 */
public record ServiceSpec(String name, int port, String extraJavaOpts) {

    public ServiceSpec(String name, int port) {
        this(name, port, "");
    }

    /** The services and their ports of the integration contract (DESIGN §8). */
    public static final List<ServiceSpec> DEFAULTS = List.of(
            new ServiceSpec("ticket-service", 8081),
            new ServiceSpec("dispatch-service", 8082),
            new ServiceSpec("logistics-service", 8083),
            new ServiceSpec("survey-service", 8084));

    /** The environment variable that moves this service to another port, such as {@code TICKET_SERVICE_PORT}. */
    String portVariable() {
        return variable("_PORT");
    }

    /** The environment variable of options for this service alone, such as {@code TICKET_SERVICE_JAVA_OPTS}. */
    public String javaOptsVariable() {
        return variable("_JAVA_OPTS");
    }

    private String variable(String suffix) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + suffix;
    }

    String database() {
        return name.replace('-', '_');
    }

    Path runnableJar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
