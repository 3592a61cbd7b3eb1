package org.fieldsupport.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fieldsupport.infra.EmbeddedPostgres;
import org.fieldsupport.infra.ExternalPostgres;
import org.fieldsupport.infra.FreePorts;
import org.fieldsupport.infra.JwtKeys;
import org.fieldsupport.infra.KafkaBroker;
import org.fieldsupport.infra.PostgresServer;
import org.fieldsupport.infra.Secrets;
import org.fieldsupport.infra.Topology;

/**
 * Starts the whole local platform in the foreground: PostgreSQL (embedded unless {@code PG_HOST} is given), a
 * single-node KRaft Kafka broker with the platform's topics, the signing key and a token per role, the four
 * services, and the reference data. All state lives under {@code .local/} and survives a restart. Ctrl-C (or
 * SIGTERM) stops everything it started, services first, so nothing they accepted is lost.
 */
public final class Launcher {

    static final List<String> ROLES = List.of("desk-agent", "dispatcher", "logistics-operator", "pilot-manager",
            "importer", "admin");
    private static final Duration TOKEN_VALIDITY = Duration.ofDays(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LauncherSettings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private PostgresServer postgres;
    private KafkaBroker broker;

    Launcher(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        LauncherSettings settings = LauncherSettings.from(System.getenv(), root);
        Files.createDirectories(settings.logs());
        // The broker and the embedded database log through SLF4J: into a file, warnings and up.
        System.setProperty("org.slf4j.simpleLogger.logFile", settings.logs().resolve("kafka-and-postgres.log")
                .toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        Launcher launcher = new Launcher(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "platform-shutdown"));
        try {
            launcher.start();
        } catch (StartupFailure e) {
            System.err.println();
            System.err.println("The platform did not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.stopped.await();
    }

    void start() throws Exception {
        checkPortsAreFree();
        checkServicesAreBuilt();

        say("PostgreSQL", settings.embeddedPostgres() ? "starting the embedded server on port " + settings.pgPort()
                : "using " + settings.pgHost() + ":" + settings.pgPort());
        postgres = settings.embeddedPostgres()
                ? EmbeddedPostgres.start(settings.stateDir().resolve("postgres"), settings.pgPort())
                : new ExternalPostgres(settings.pgHost(), settings.pgPort(), settings.pgAdminUser(),
                        settings.pgAdminPassword());
        Map<ServiceSpec, String> passwords = new HashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            String password = Secrets.loadOrCreate(settings.secrets().resolve("db-" + spec.database() + ".password"));
            postgres.ensureDatabase(spec.database(), spec.database(), password);
            passwords.put(spec, password);
        }

        say("Kafka", "starting a KRaft broker on 127.0.0.1:" + settings.kafkaPort());
        broker = new KafkaBroker(settings.stateDir().resolve("kafka"), "127.0.0.1", settings.kafkaPort(),
                settings.kafkaControllerPort());
        broker.start();
        broker.createTopics(Topology.allTopics(), settings.partitions());

        JwtKeys keys = JwtKeys.loadOrCreate(settings.keys());
        Secrets.loadOrCreate(settings.secrets().resolve("webhook.key"));
        writeTokens(keys);

        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", spec.database());
            env.put("QUARKUS_DATASOURCE_PASSWORD", passwords.get(spec));
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toString());
            env.put("WEBHOOK_SECRET_FILE", settings.secrets().resolve("webhook.key").toString());
            env.put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
            services.add(ServiceProcess.start(spec, settings, env));
        }
        for (ServiceProcess service : services) {
            if (!service.awaitReady(READY_TIMEOUT)) {
                throw new StartupFailure(service.spec.name() + (service.isAlive()
                        ? " was not ready after " + READY_TIMEOUT.toSeconds() + " s"
                        : " stopped during start-up")
                        + ". Last lines of " + service.log() + ":\n" + service.tailOfLog(25));
            }
            say(service.spec.name(), "ready in " + service.sinceStart().toMillis() + " ms (pid " + service.pid()
                    + ")");
        }

        seedReferenceData(keys);
        printSummary();
    }

    private void checkPortsAreFree() {
        Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.kafkaControllerPort(), "the Kafka controller");
        if (settings.embeddedPostgres()) {
            ports.put(settings.pgPort(), "the embedded PostgreSQL");
        }
        ServiceSpec.ALL.forEach(spec -> ports.put(spec.port(), spec.name()));
        List<String> taken = new ArrayList<>();
        ports.forEach((port, owner) -> {
            if (!FreePorts.isFree(port)) {
                taken.add(port + " (for " + owner + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new StartupFailure("port(s) already in use: " + String.join(", ", taken)
                    + ". Is the platform already running? Stop it, or free the port(s).");
        }
    }

    private void checkServicesAreBuilt() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (!Files.exists(spec.runnableJar(settings.root()))) {
                throw new StartupFailure(spec.runnableJar(settings.root())
                        + " is missing: build with ./mvnw -DskipTests install (./deploy/run does it for you).");
            }
        }
    }

    private void writeTokens(JwtKeys keys) throws IOException {
        Files.createDirectories(settings.tokens());
        for (String role : ROLES) {
            writeToken(role, keys.issue(role, List.of(role), TOKEN_VALIDITY));
        }
        for (JsonNode technician : readReferenceData("technicians.json")) {
            String id = technician.get("id").asText();
            writeToken("technician-" + id, keys.issue(id, List.of("technician"), TOKEN_VALIDITY));
        }
    }

    private void writeToken(String name, String token) throws IOException {
        Path file = settings.tokens().resolve(name + ".jwt");
        Files.writeString(file, token + "\n");
    }

    private void seedReferenceData(JwtKeys keys) throws IOException, InterruptedException {
        String admin = keys.issue("platform-launcher", List.of("admin"), Duration.ofMinutes(5));
        HttpClient http = HttpClient.newHttpClient();
        int sites = 0;
        for (JsonNode site : readReferenceData("sites.json")) {
            String body = JSON.writeValueAsString(Map.of("name", site.get("name").asText(),
                    "timeZone", site.get("timeZone").asText()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(ServiceSpec.ALL.get(0).baseUrl() + "/sites/"
                    + site.get("code").asText()))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StartupFailure("ticket-service refused site " + site.get("code").asText() + ": "
                        + response.statusCode() + " " + response.body());
            }
            sites++;
        }
        say("reference data", sites + " sites (deploy/reference-data/sites.json)");
    }

    private JsonNode readReferenceData(String file) throws IOException {
        return JSON.readTree(settings.root().resolve("deploy/reference-data").resolve(file).toFile());
    }

    private void printSummary() {
        StringBuilder out = new StringBuilder("\nThe platform is up. Ctrl-C stops it; its state stays in ")
                .append(settings.stateDir()).append("\n\n");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            out.append(String.format("  %-18s %s   Swagger UI %s/q/swagger-ui   log %s%n", spec.name(),
                    spec.baseUrl(), spec.baseUrl(), settings.logs().resolve(spec.name() + ".log")));
        }
        out.append(String.format("  %-18s %s   topics: %s%n", "Kafka", broker.bootstrapServers(),
                String.join(", ", Topology.allTopics())));
        out.append(String.format("  %-18s %s:%d   one database and role per service%n", "PostgreSQL",
                postgres.host(), postgres.port()));
        out.append(String.format("  %-18s %s/<role>.jwt   (%s, technician-<id>)%n", "tokens", settings.tokens(),
                String.join(", ", ROLES)));
        out.append(String.format("  %-18s %s%n", "webhook secret", settings.secrets().resolve("webhook.key")));
        out.append("\nTry: curl -H \"Authorization: Bearer $(cat .local/tokens/desk-agent.jwt)\" "
                + "http://127.0.0.1:8081/sites\n");
        System.out.println(out);
    }

    /** Stops what was started, in reverse order: services (gracefully), then the broker, then PostgreSQL. */
    void stopAll() {
        try {
            if (!services.isEmpty()) {
                say("platform", "stopping");
            }
            List<Thread> stops = new ArrayList<>();
            for (ServiceProcess service : services) {
                Thread stop = new Thread(() -> {
                    try {
                        service.stop(Duration.ofSeconds(30));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                stop.start();
                stops.add(stop);
            }
            for (Thread stop : stops) {
                stop.join();
            }
            if (broker != null) {
                broker.stop();
            }
            if (postgres != null) {
                postgres.close();
            }
            if (!services.isEmpty()) {
                say("platform", "stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private static void say(String who, String what) {
        System.out.printf("[%-17s] %s%n", who, what);
    }

    /** A start-up problem the user can act on; its message says which part and why. */
    static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message);
        }
    }
}
