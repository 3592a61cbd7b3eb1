package org.fieldsupport.e2e.suites;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

import org.fieldsupport.e2e.SharedPlatform;
import org.fieldsupport.infra.JwtKeys;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * Every REST operation of the four services against the access table kept in the repository
 * ({@code deploy/e2e-tests/access-table.csv}): each role, no token, an expired token and a token signed by another
 * key. Writes its figures to {@code target/access-report.txt}.
 */
@ExtendWith(SharedPlatform.class)
@Order(5)
class AccessSuiteTest {

    static final List<String> ROLES = List.of("desk-agent", "dispatcher", "technician", "logistics-operator",
            "pilot-manager", "importer", "admin", "employee");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Row(String service, String method, String path, Set<String> roles) {
        String key() {
            return service + " " + method + " " + path;
        }

        boolean isPublic() {
            return roles.contains("public");
        }

        boolean isSigned() {
            return roles.contains("signed");
        }
    }

    @Test
    void everyOperationAnswersEachCallerAsTheAccessTableSays() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        Map<String, Row> table = table(Path.of(System.getProperty("platform.root"), "deploy/e2e-tests",
                "access-table.csv"));
        Map<String, OpenApiOperations.Operation> documented = new TreeMap<>();
        for (String service : BadInputSuiteTest.SERVICES) {
            for (OpenApiOperations.Operation op : OpenApiOperations.of(service,
                    platform.service(service).baseUrl())) {
                documented.put(op.key(), op);
            }
        }
        String missingRows = documented.values().stream().filter(op -> !table.containsKey(op.key()))
                .map(op -> String.join(",", op.service(), op.method(), op.path(), op.secured()
                        ? String.join(" ", op.roles()) : "public or signed"))
                .collect(Collectors.joining("\n"));
        assertThat(documented.keySet()).as("operations documented by the services vs rows of the access table; "
                + "rows to review and add, as the services declare them:\n" + missingRows).isEqualTo(table.keySet());

        String foreign = JwtKeys.loadOrCreate(Files.createTempDirectory("foreign-issuer"))
                .issue("intruder", ROLES, Duration.ofMinutes(10));
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Row row : table.values()) {
            OpenApiOperations.Operation op = documented.get(row.key());
            Set<String> declared = op.secured() ? op.roles() : Set.of(row.isSigned() ? "signed" : "public");
            if (!declared.equals(row.roles())) {
                failures.add(row.key() + ": the OpenAPI document declares " + declared + ", the table " + row.roles());
            }
            List<String> everyRole = new ArrayList<>(ROLES);
            String expired = platform.issueToken("access-suite", everyRole, Duration.ofSeconds(-60));
            String bodyType = op.bodyTypes().isEmpty() ? null : op.bodyTypes().iterator().next();
            String unauthenticated = row.isPublic() ? "allowed" : "401";
            probes += expect(failures, platform, row, bodyType, null, unauthenticated, "no token");
            probes += expect(failures, platform, row, bodyType, expired, unauthenticated, "expired token");
            probes += expect(failures, platform, row, bodyType, foreign, unauthenticated,
                    "token of another issuer key");
            for (String role : ROLES) {
                String token = platform.issueToken("technician".equals(role) ? "T-ACCESS-SUITE" : "access-suite",
                        List.of(role), Duration.ofMinutes(10));
                String expected = row.isPublic() || row.roles().contains(role) ? "allowed"
                        : row.isSigned() ? "401" : "403";
                probes += expect(failures, platform, row, bodyType, token, expected, role);
            }
        }
        String report = String.format("Access suite: %d operations in the table, %d probes, %d refused as "
                + "expected or let through as expected, %d failures%n", table.size(), probes,
                probes - failures.size(), failures.size());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/access-report.txt"), report + String.join("\n", failures) + "\n");
        System.out.print(report);
        assertThat(failures).isEmpty();
    }

    @Test
    void aTechnicianReachesOnlyTheirOwnAppointments() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        String desk = platform.token("desk-agent");
        String ticket = given().auth().oauth2(desk).contentType(ContentType.JSON)
                .body("{\"employeeId\": \"E-ACCESS-1\", \"site\": \"DIJON\", \"category\": \"HARDWARE\", "
                        + "\"summary\": \"Access suite\"}")
                .post(platform.service("ticket-service").baseUrl() + "/tickets").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"kind\": \"ON_SITE\"}")
                .post(platform.service("ticket-service").baseUrl() + "/tickets/" + ticket + "/escalation")
                .then().statusCode(202);
        String dispatch = platform.service("dispatch-service").baseUrl();
        Map<String, Object> visit = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .auth().oauth2(platform.token("dispatcher")).queryParam("ticketId", ticket)
                .get(dispatch + "/interventions").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().findFirst().orElse(null), java.util.Objects::nonNull);
        String owner = (String) visit.get("technicianId");
        String other = platform.issueToken("T-SOMEONE-ELSE", List.of("technician"), Duration.ofMinutes(10));
        given().auth().oauth2(other).get(dispatch + "/interventions/" + visit.get("id")).then().statusCode(404);
        given().auth().oauth2(other).post(dispatch + "/interventions/" + visit.get("id") + "/start")
                .then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"outcome\": \"FIXED\"}")
                .post(dispatch + "/interventions/" + visit.get("id") + "/completion").then().statusCode(404);
        given().auth().oauth2(other).queryParam("technicianId", owner).get(dispatch + "/interventions")
                .then().statusCode(403);
        given().auth().oauth2(platform.token("technician-" + owner)).get(dispatch + "/interventions/" + visit.get("id"))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SCHEDULED"));
    }

    @Test
    void aWebhookWithoutAValidSignatureChangesNothing() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        String logistics = platform.service("logistics-service").baseUrl();
        String shipment = "3f0c2a4e-9a1b-4c57-8f0e-6d2b1a7c9e11";
        String body = "{\"status\": \"DELIVERED\", \"at\": \"" + java.time.Instant.now() + "\"}";
        Map<String, Long> before = BadInputSuiteTest.snapshot(platform, "logistics-service");
        for (String signature : List.of("", "sha256=00", "sha256=" + "ab".repeat(32), "md5=abc")) {
            given().header("X-Signature", signature).contentType(ContentType.JSON).body(body)
                    .post(logistics + "/shipments/" + shipment + "/tracking").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"event\": \"COLLECTED\", \"compartment\": \"A01\", "
                + "\"code\": \"12345678\", \"at\": \"" + java.time.Instant.now() + "\"}")
                .post(logistics + "/lockers/DIJON-L1/door-events").then().statusCode(401);
        assertThat(BadInputSuiteTest.snapshot(platform, "logistics-service")).isEqualTo(before);
    }

    /** One probe, with a body of the operation's own content type (empty, or {} for JSON) where it takes one. */
    private static int expect(List<String> failures, LocalPlatform platform, Row row, String bodyType,
            String token, String expected, String caller) throws Exception {
        String path = row.path().replaceAll("\\{[^}]*(id|Id)}", "3f0c2a4e-9a1b-4c57-8f0e-6d2b1a7c9e11")
                .replaceAll("\\{effectiveFrom}", "2025-10-01").replaceAll("\\{[^}]+}", "ACCESS1");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.service(row.service()).baseUrl()
                + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (bodyType != null) {
            request.header("Content-Type", bodyType);
        }
        request.method(row.method(), bodyType == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(bodyType.equals("application/json") ? "{}" : ""));
        int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        boolean ok = switch (expected) {
            case "allowed" -> status != 401 && status != 403 && status < 500;
            case "401" -> status == 401;
            default -> status == 403;
        };
        if (!ok) {
            failures.add(row.key() + " as " + caller + ": expected " + expected + ", got " + status);
        }
        return 1;
    }

    static Map<String, Row> table(Path file) throws Exception {
        Map<String, Row> rows = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Row row = new Row(cells[0].trim(), cells[1].trim(), cells[2].trim(),
                    new TreeSet<>(List.of(cells[3].trim().split("\\s+"))));
            if (rows.put(row.key(), row) != null) {
                throw new IllegalStateException("Twice in the access table: " + row.key());
            }
        }
        return rows;
    }
}
