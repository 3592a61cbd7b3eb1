package org.fieldsupport.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fieldsupport.infra.EmbeddedPostgres;
import org.fieldsupport.infra.ExternalPostgres;
import org.fieldsupport.infra.FreePorts;
import org.fieldsupport.infra.JwtKeys;
import org.fieldsupport.infra.KafkaAccess;
import org.fieldsupport.infra.KafkaBroker;
import org.fieldsupport.infra.PostgresServer;
import org.fieldsupport.infra.Secrets;
import org.fieldsupport.infra.Topology;

/**
 * The whole local platform: PostgreSQL (embedded unless {@code PG_HOST} is given), a single-node KRaft Kafka broker
 * with the platform's topics, the signing key and a token per role, the four packaged services, and the reference
 * data. All state lives in the state directory and survives a restart. {@link #stop()} stops everything it
 * started, services first, so nothing they accepted is lost. Used by {@code ./deploy/run} and the end-to-end tests.
 */
public final class LocalPlatform {

    static final List<String> ROLES = List.of("desk-agent", "dispatcher", "logistics-operator", "pilot-manager",
            "importer", "admin");
    private static final Duration TOKEN_VALIDITY = Duration.ofDays(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LauncherSettings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private PostgresServer postgres;
    private JwtKeys keys;
    private KafkaBroker broker;
    /** The broker's own JVM when {@link LauncherSettings#kafkaInChildProcess()}; else null. */
    private Process brokerProcess;
    private final Map<String, Map<String, String>> environments = new HashMap<>();

    public LocalPlatform(LauncherSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything; on failure, stops whatever had started (no service outlives a failed start) and throws
     * {@link StartupFailure} saying which part and why.
     */
    public void start() throws Exception {
        try {
            startEverything();
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    private void startEverything() throws Exception {
        checkPortsAreFree();
        checkServicesAreBuilt();
        Files.createDirectories(settings.logs());

        say("PostgreSQL", settings.embeddedPostgres() ? "starting the embedded server on port " + settings.pgPort()
                : "using " + settings.pgHost() + ":" + settings.pgPort());
        postgres = settings.embeddedPostgres()
                ? EmbeddedPostgres.start(settings.stateDir().resolve("postgres"), settings.pgPort())
                : new ExternalPostgres(settings.pgHost(), settings.pgPort(), settings.pgAdminUser(),
                        settings.pgAdminPassword());
        Map<ServiceSpec, String> passwords = new HashMap<>();
        for (ServiceSpec spec : settings.services()) {
            String password = Secrets.loadOrCreate(settings.secrets().resolve("db-" + spec.database() + ".password"));
            postgres.ensureDatabase(spec.database(), spec.database(), password);
            passwords.put(spec, password);
        }

        say("Kafka", "starting a KRaft broker on 127.0.0.1:" + settings.kafkaPort()
                + (settings.kafkaScram() ? " (SASL/SCRAM and ACLs)" : ""));
        broker = settings.kafkaScram()
                ? KafkaBroker.secured(settings.stateDir().resolve("kafka"), "127.0.0.1", settings.kafkaPort(),
                        settings.kafkaControllerPort(), new KafkaAccess("platform-admin",
                                Secrets.loadOrCreate(settings.secrets().resolve("kafka-platform-admin.password"))))
                : new KafkaBroker(settings.stateDir().resolve("kafka"), "127.0.0.1", settings.kafkaPort(),
                        settings.kafkaControllerPort());
        startBroker();
        broker.createTopics(Topology.allTopics(), settings.partitions());
        Map<ServiceSpec, KafkaAccess> kafkaUsers = new HashMap<>();
        for (ServiceSpec spec : settings.services()) {
            kafkaUsers.put(spec, settings.kafkaScram() ? broker.grantService(spec.name(), Secrets.loadOrCreate(
                    settings.secrets().resolve("kafka-" + spec.name() + ".password"))) : KafkaAccess.PLAINTEXT);
        }
        writeKafkaClientProperties(broker.adminAccess());

        keys = JwtKeys.loadOrCreate(settings.keys());
        Secrets.loadOrCreate(settings.secrets().resolve("webhook.key"));
        writeTokens(keys);

        for (ServiceSpec spec : settings.services()) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", spec.database());
            env.put("QUARKUS_DATASOURCE_PASSWORD", passwords.get(spec));
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.putAll(kafkaUsers.get(spec).environment());
            env.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toString());
            env.put("WEBHOOK_SECRET_FILE", settings.secrets().resolve("webhook.key").toString());
            env.put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
            // glibc gives busy threads malloc arenas of their own (up to 16 on two cores): the benchmark measured
            // 63 MB of a loaded service's RSS outside the JVM's own accounting without this limit, 23 MB with it.
            env.put("MALLOC_ARENA_MAX", "2");
            // The one-time links in survey invitations point at this platform's survey-service.
            env.put("SURVEY_PUBLIC_BASE_URL", service("survey-service").baseUrl());
            environments.put(spec.name(), env);
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
                    + service.classData().describe() + ")");
        }

        seedReferenceData(keys);
    }

    public LauncherSettings settings() {
        return settings;
    }

    public ServiceSpec service(String name) {
        return settings.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A token of the platform for {@code role}, as written in the tokens directory. */
    public String token(String role) throws IOException {
        return Files.readString(settings.tokens().resolve(role + ".jwt")).trim();
    }

    /** A token signed by the platform's issuer key, for any subject and roles (the test suites' own callers). */
    public String issueToken(String subject, List<String> roles, Duration validity) {
        return keys.issue(subject, roles, validity);
    }

    /** A connection to a service's own database as its own role, for suites that count what a request stored. */
    public Connection openDatabase(String service) throws SQLException, IOException {
        ServiceSpec spec = service(service);
        String password = Files.readString(settings.secrets().resolve("db-" + spec.database() + ".password")).trim();
        return DriverManager.getConnection(postgres.jdbcUrl(spec.database()), spec.database(), password);
    }

    /** Stops the broker cleanly (its data is kept), as an operator or a crash would take it away. */
    public synchronized void stopBroker() {
        if (brokerProcess != null) {
            stopProcess(brokerProcess, Duration.ofSeconds(30));
            brokerProcess = null;
        } else if (broker != null) {
            broker.stop();
        }
    }

    /** Starts the broker again on its kept data (in its own JVM when the settings say so); returns once usable. */
    public synchronized void startBroker() {
        if (!settings.kafkaInChildProcess()) {
            broker.start();
            return;
        }
        if (brokerProcess != null && brokerProcess.isAlive()) {
            return;
        }
        try {
            brokerProcess = startBrokerProcess();
        } catch (IOException e) {
            throw new StartupFailure("cannot start the Kafka broker's JVM: " + e.getMessage());
        }
        try {
            broker.awaitReady(Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            throw new StartupFailure("the Kafka broker did not become ready" + (brokerProcess.isAlive() ? ""
                    : " (its JVM exited with " + brokerProcess.exitValue() + ")") + ": see "
                    + settings.logs().resolve("kafka.log"));
        }
    }

    /** SIGKILL to the broker's JVM (only when it runs in its own process): a crash, nothing flushed. */
    public synchronized void killBroker() throws InterruptedException {
        if (brokerProcess == null) {
            throw new IllegalStateException("The broker runs inside the launcher (KAFKA_PROCESS=child to kill it)");
        }
        brokerProcess.destroyForcibly();
        brokerProcess.waitFor();
        brokerProcess = null;
    }

    /** The broker JVM's process id, or -1 when the broker runs inside the launcher. */
    public synchronized long brokerPid() {
        return brokerProcess == null ? -1 : brokerProcess.pid();
    }

    private Process startBrokerProcess() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), org.fieldsupport.infra.KafkaBrokerMain.class.getName(),
                settings.stateDir().resolve("kafka").toString(), "127.0.0.1", String.valueOf(settings.kafkaPort()),
                String.valueOf(settings.kafkaControllerPort())));
        ProcessBuilder builder = new ProcessBuilder();
        if (broker.adminAccess().authenticated()) {
            command.add(broker.adminAccess().user());
            builder.environment().put(org.fieldsupport.infra.KafkaBrokerMain.PASSWORD_VARIABLE,
                    broker.adminAccess().password());
        }
        // Standard input stays open: the broker exits when it closes, so a launcher that dies leaves no broker.
        return builder.command(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("kafka.log").toFile()))
                .start();
    }

    private static void stopProcess(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to a service's JVM: a crash in the middle of whatever it was doing. */
    public synchronized void killService(String name) throws InterruptedException {
        running(name).kill();
    }

    /**
     * SIGTERM to a service, as an operator's stop: it finishes what it can and exits (SIGKILL after 30 s). True when
     * it stopped by itself.
     */
    public synchronized boolean stopService(String name) throws InterruptedException {
        return running(name).stop(Duration.ofSeconds(30));
    }

    /** Starts a stopped or killed service again, on the same port, database and broker; returns once ready. */
    public synchronized Duration startService(String name) throws IOException, InterruptedException {
        ServiceProcess old = running(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + old.pid() + ")");
        }
        ServiceProcess started = ServiceProcess.start(old.spec, settings, environments.get(name));
        services.set(services.indexOf(old), started);
        if (!started.awaitReady(READY_TIMEOUT)) {
            throw new StartupFailure(name + " was not ready again after " + READY_TIMEOUT.toSeconds()
                    + " s. Last lines of " + started.log() + ":\n" + started.tailOfLog(25));
        }
        return started.sinceStart();
    }

    /** The process id of a service's JVM. */
    public synchronized long servicePid(String name) {
        return running(name).pid();
    }

    private ServiceProcess running(String name) {
        return services.stream().filter(s -> s.spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    /**
     * Stops the embedded PostgreSQL ({@code pg_ctl stop -m fast}: every connection is cut) and starts it again on
     * the same port and data, as a database restart under the services' feet.
     */
    public synchronized void restartPostgres() {
        if (!settings.embeddedPostgres()) {
            throw new IllegalStateException("Only the embedded PostgreSQL can be restarted by the launcher");
        }
        postgres.close();
        postgres = EmbeddedPostgres.start(settings.stateDir().resolve("postgres"), settings.pgPort());
    }

    private void checkPortsAreFree() {
        Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.kafkaControllerPort(), "the Kafka controller");
        if (settings.embeddedPostgres()) {
            ports.put(settings.pgPort(), "the embedded PostgreSQL");
        }
        for (ServiceSpec spec : settings.services()) {
            String before = ports.put(spec.port(), spec.name());
            if (before != null) {
                throw new StartupFailure("port " + spec.port() + " is given to both " + before + " and "
                        + spec.name() + ".");
            }
        }
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
        for (ServiceSpec spec : settings.services()) {
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

    /**
     * The operator's client settings when the broker is secured: {@code kafka-admin.properties} for Kafka's own tools
     * ({@code --command-config}, {@code --consumer.config}), {@code kafka-admin.kcat.conf} for kcat ({@code -F}).
     */
    private void writeKafkaClientProperties(KafkaAccess admin) throws IOException {
        Path java = settings.secrets().resolve("kafka-admin.properties");
        Path kcat = settings.secrets().resolve("kafka-admin.kcat.conf");
        Files.deleteIfExists(java);
        Files.deleteIfExists(kcat);
        if (!admin.authenticated()) {
            return;
        }
        StringBuilder properties = new StringBuilder("bootstrap.servers=" + broker.bootstrapServers() + "\n");
        admin.clientProperties().forEach((key, value) -> properties.append(key).append('=').append(value)
                .append('\n'));
        Files.writeString(java, properties);
        Files.writeString(kcat, "bootstrap.servers=" + broker.bootstrapServers()
                + "\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanisms=" + KafkaAccess.MECHANISM
                + "\nsasl.username=" + admin.user() + "\nsasl.password=" + admin.password() + "\n");
        JwtKeys.restrictToOwner(java);
        JwtKeys.restrictToOwner(kcat);
    }

    /** How a client outside the services reads the topics: the broker's super user when it is secured. */
    public KafkaAccess kafkaAdminAccess() {
        return broker.adminAccess();
    }

    /** A service's own Kafka credentials (plaintext when the broker is open). */
    public KafkaAccess kafkaAccessOf(String service) throws IOException {
        if (!settings.kafkaScram()) {
            return KafkaAccess.PLAINTEXT;
        }
        return new KafkaAccess(service, Files.readString(settings.secrets().resolve("kafka-" + service
                + ".password")).trim());
    }

    private void writeToken(String name, String token) throws IOException {
        Path file = settings.tokens().resolve(name + ".jwt");
        Files.writeString(file, token + "\n");
    }

    /** Puts the reference data of {@code deploy/reference-data/} through each service's own API. */
    private void seedReferenceData(JwtKeys keys) throws IOException, InterruptedException {
        JsonNode logistics = readReferenceData("logistics.json");
        String summary = putReferenceData(keys, readReferenceData("sites.json"),
                readReferenceData("technicians.json"), logistics);
        say("reference data", summary + ", the logistics catalogue, stock and " + logistics.get("lockers").size()
                + " locker banks (deploy/reference-data)");
    }

    /**
     * Registers more sites, technicians and logistics data on the running platform, given in the formats of
     * {@code deploy/reference-data/} (any part of {@code logistics} may be absent), through the same admin calls as
     * the reference data; writes a token for each new technician beside the others. Returns what it registered.
     */
    public String addReferenceData(JsonNode sites, JsonNode technicians, JsonNode logistics)
            throws IOException, InterruptedException {
        String summary = putReferenceData(keys, sites, technicians, logistics);
        for (JsonNode technician : technicians) {
            String id = technician.get("id").asText();
            writeToken("technician-" + id, keys.issue(id, List.of("technician"), TOKEN_VALIDITY));
        }
        return summary;
    }

    /** Puts sites, technicians and logistics data through each service's own API, as an administrator would. */
    private String putReferenceData(JwtKeys keys, JsonNode siteList, JsonNode technicianList, JsonNode logistics)
            throws IOException, InterruptedException {
        String admin = keys.issue("platform-launcher", List.of("admin"), Duration.ofMinutes(5));
        HttpClient http = HttpClient.newHttpClient();
        int sites = 0;
        int rooms = 0;
        for (JsonNode site : siteList) {
            String code = site.get("code").asText();
            com.fasterxml.jackson.databind.node.ObjectNode desk = JSON.createObjectNode()
                    .put("name", site.get("name").asText())
                    .put("timeZone", site.get("timeZone").asText())
                    .put("holidayRegion", site.get("holidayRegion").asText());
            put(http, admin, service("ticket-service").baseUrl() + "/sites/" + code, desk);
            // The organisation before the pilot (dispatchBefore), so that a historical import of those years is
            // planned, then the pilot's.
            List<JsonNode> policies = new java.util.ArrayList<>();
            site.path("dispatchBefore").forEach(policies::add);
            policies.add(site.get("dispatch"));
            for (JsonNode definition : policies) {
                com.fasterxml.jackson.databind.node.ObjectNode policy = definition.deepCopy();
                String effectiveFrom = policy.remove("effectiveFrom").asText();
                policy.put("timeZone", site.get("timeZone").asText());
                policy.put("holidayRegion", site.get("holidayRegion").asText());
                put(http, admin, service("dispatch-service").baseUrl() + "/sites/" + code + "/policies/"
                        + effectiveFrom, policy);
            }
            for (JsonNode room : site.path("meetingRooms")) {
                put(http, admin, service("dispatch-service").baseUrl() + "/sites/" + code + "/rooms/"
                        + room.get("id").asText(), JSON.createObjectNode().put("name", room.get("name").asText()));
                rooms++;
            }
            sites++;
        }
        int technicians = 0;
        for (JsonNode technician : technicianList) {
            com.fasterxml.jackson.databind.node.ObjectNode definition = technician.deepCopy();
            String id = definition.remove("id").asText();
            put(http, admin, service("dispatch-service").baseUrl() + "/technicians/" + id, definition);
            technicians++;
        }
        String logisticsUrl = service("logistics-service").baseUrl();
        for (String part : List.of("catalogue", "sites", "stock", "lockers")) {
            for (JsonNode entry : logistics.path(part)) {
                com.fasterxml.jackson.databind.node.ObjectNode body = entry.deepCopy();
                String path = switch (part) {
                    case "catalogue" -> "/catalogue/" + body.remove("code").asText();
                    case "sites" -> "/sites/" + body.remove("code").asText() + "/logistics";
                    case "stock" -> "/stock/" + body.remove("locationId").asText() + "/"
                            + body.remove("itemCode").asText();
                    default -> "/lockers/" + body.remove("lockerId").asText();
                };
                put(http, admin, logisticsUrl + path, body);
            }
        }
        return sites + " sites with their support policy and " + rooms + " meeting rooms, " + technicians
                + " technicians";
    }

    private static void put(HttpClient http, String token, String url, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new StartupFailure("reference data refused by " + url + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private JsonNode readReferenceData(String file) throws IOException {
        return JSON.readTree(settings.root().resolve("deploy/reference-data").resolve(file).toFile());
    }

    String summary() {
        StringBuilder out = new StringBuilder("\nThe platform is up. Ctrl-C stops it; its state stays in ")
                .append(settings.stateDir()).append("\n\n");
        for (ServiceSpec spec : settings.services()) {
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
                + service("ticket-service").baseUrl() + "/sites\n");
        return out.toString();
    }

    /** Stops what was started, in reverse order: services (gracefully), then the broker, then PostgreSQL. */
    public synchronized void stop() {
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
                stopBroker();
            }
            if (postgres != null) {
                postgres.close();
            }
            if (!services.isEmpty()) {
                say("platform", "stopped");
            }
            services.clear();
            broker = null;
            postgres = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void say(String who, String what) {
        System.out.printf("[%-17s] %s%n", who, what);
    }

    /** A start-up problem the user can act on; its message says which part and why. */
    public static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message);
        }
    }
}
