package org.fieldsupport.e2e.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fieldsupport.e2e.SharedPlatform;
import org.fieldsupport.infra.Topology;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * Bad input, generated from each service's own OpenAPI document: every case must get a 4xx in problem+json (or the
 * HTML page an employee's form answers with) without a stack trace or a class name, and the operation's cases
 * together must leave every table of the service's database and every event topic exactly as they found them.
 * Writes a summary per service to {@code target/bad-input-report.txt}.
 */
@ExtendWith(SharedPlatform.class)
@Order(4)
class BadInputSuiteTest {

    static final List<String> SERVICES = List.of("ticket-service", "dispatch-service", "logistics-service",
            "survey-service");
    static final List<String> LEAKS = List.of("Exception", "\tat ", "org.fieldsupport", "java.lang", "jakarta.",
            "com.fasterxml", "io.quarkus", "org.hibernate", "org.postgresql", "SQLState");
    static final Map<String, int[]> REPORT = new TreeMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestFactory
    Stream<DynamicContainer> everyEndpointRefusesBadInputAndStoresNothing() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        List<DynamicContainer> services = new ArrayList<>();
        for (String service : SERVICES) {
            List<DynamicTest> tests = new ArrayList<>();
            for (OpenApiOperations.Operation op : OpenApiOperations.of(service,
                    platform.service(service).baseUrl())) {
                tests.add(DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> run(platform, op)));
            }
            services.add(DynamicContainer.dynamicContainer(service, tests));
        }
        return services.stream();
    }

    @AfterAll
    static void writeReport() throws Exception {
        StringBuilder report = new StringBuilder("Bad-input suite: cases per service (all must be 4xx, nothing "
                + "stored)\n");
        REPORT.forEach((service, counts) -> report.append(String.format("  %-18s %4d operations %5d cases "
                + "%5d refused as expected%n", service, counts[0], counts[1], counts[2])));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/bad-input-report.txt"), report);
        System.out.print(report);
    }

    private static void run(LocalPlatform platform, OpenApiOperations.Operation op) throws Exception {
        List<BadInputCases.Case> cases = BadInputCases.of(op);
        Map<String, Long> before = snapshot(platform, op.service());
        String token = op.secured() ? platform.issueToken("bad-input-suite", List.copyOf(op.roles()),
                Duration.ofHours(1)) : null;
        byte[] webhookKey = Files.readString(platform.settings().stateDir().resolve("secrets/webhook.key")).trim()
                .getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (BadInputCases.Case c : cases) {
            HttpResponse<String> response = send(platform, op, c, token, webhookKey);
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean problem = type.startsWith("application/problem+json")
                    || type.startsWith("text/html") && op.errorTypes().contains("text/html");
            String leak = LEAKS.stream().filter(response.body()::contains).findFirst().orElse(null);
            if (response.statusCode() / 100 != 4 || !problem || leak != null) {
                failures.add(c.description() + " -> " + response.statusCode() + " " + type
                        + (leak != null ? " leaks '" + leak + "'" : "") + " " + abbreviate(response.body()));
            } else {
                refused++;
            }
        }
        Map<String, Long> after = snapshot(platform, op.service());
        int[] counts = REPORT.computeIfAbsent(op.service(), k -> new int[3]);
        synchronized (REPORT) {
            counts[0]++;
            counts[1] += cases.size();
            counts[2] += refused;
        }
        assertThat(failures).as(op.key() + ": cases not refused cleanly").isEmpty();
        assertThat(after).as(op.key() + ": rows per table and records per topic").isEqualTo(before);
    }

    private static HttpResponse<String> send(LocalPlatform platform, OpenApiOperations.Operation op,
            BadInputCases.Case c, String token, byte[] webhookKey) throws Exception {
        String path = op.path();
        for (Map.Entry<String, String> p : c.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        String query = c.query().entrySet().stream()
                .map(q -> q.getKey() + "=" + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.service(op.service()).baseUrl()
                + path + (query.isEmpty() ? "" : "?" + query))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        byte[] body = c.body() == null ? new byte[0] : c.body().getBytes(StandardCharsets.UTF_8);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (!op.secured()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookKey, "HmacSHA256"));
            request.header("X-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
        }
        request.method(op.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Rows of every table of the service's database, and the end offsets of the four event topics. */
    static Map<String, Long> snapshot(LocalPlatform platform, String service) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = platform.openDatabase(service); Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                    + "and table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(service + "." + table, rs.getLong(1));
                }
            }
        }
        Map<String, Object> props = new java.util.HashMap<>(platform.kafkaAdminAccess().clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<String> topics = List.copyOf(Topology.PUBLISHER.keySet());
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                            OffsetSpec.latest())));
            admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).forEach((partition, info) ->
                    counts.merge("topic " + partition.topic(), info.offset(), Long::sum));
        }
        return counts;
    }

    private static String abbreviate(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
