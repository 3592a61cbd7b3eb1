package org.fieldsupport.launcher;

import java.nio.file.Path;
import java.util.List;

/** One of the four services as the launcher runs it: its folder, HTTP port and database. */
record ServiceSpec(String name, int port) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("ticket-service", 8081),
            new ServiceSpec("dispatch-service", 8082),
            new ServiceSpec("logistics-service", 8083),
            new ServiceSpec("survey-service", 8084));

    String database() {
        return name.replace('-', '_');
    }

    Path runnableJar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
