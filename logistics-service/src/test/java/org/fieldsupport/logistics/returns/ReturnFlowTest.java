package org.fieldsupport.logistics.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.logistics.LogisticsTestSupport.JSON;
import static org.fieldsupport.logistics.LogisticsTestSupport.as;
import static org.fieldsupport.logistics.LogisticsTestSupport.awaitEvent;
import static org.fieldsupport.logistics.LogisticsTestSupport.custody;
import static org.fieldsupport.logistics.LogisticsTestSupport.payload;
import static org.fieldsupport.logistics.LogisticsTestSupport.publishCompletion;
import static org.fieldsupport.logistics.LogisticsTestSupport.publishEscalation;
import static org.fieldsupport.logistics.LogisticsTestSupport.webhook;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import org.fieldsupport.logistics.LogisticsTestSupport;
import org.fieldsupport.logistics.WebhookSecretTestResource;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;

/** Returns from the request to stock, every asset traced; a technician's collection and a locker deposit. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "logistics_service"))
@WithTestResource(value = WebhookSecretTestResource.class, scope = TestResourceScope.GLOBAL)
class ReturnFlowTest {

    @BeforeEach
    void referenceData() {
        LogisticsTestSupport.seedReferenceData();
    }

    @Test
    void aReturnCollectedByATechnicianIsTracedToStock() {
        String ticket = UUID.randomUUID().toString();
        String laptop = "PC-DIJ-" + suffix();
        String dock = "DOCK-DIJ-" + suffix();
        publishEscalation(ticket, "DIJON", "RETURN", "E-RET-" + suffix(), null, List.of(laptop, dock), 1,
                "2025-10-07T09:00:00Z", UUID.randomUUID().toString());
        JsonNode requested = payload(awaitEvent(ticket, "ReturnRequested"));
        assertThat(requested.get("collection").asText()).isEqualTo("TECHNICIAN");
        String returnId = requested.get("returnId").asText();

        // An on-site visit for the same ticket is not the collection; dispatch's collection visit is: the technician
        // holds the assets.
        publishCompletion(ticket, "ON_SITE", null, "T-BFC-01", "FIXED", "2025-10-08T08:30:00Z");
        publishCompletion(ticket, "COLLECTION", returnId, "T-BFC-01", "FIXED", "2025-10-08T09:30:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(custody(laptop))
                .extracting(e -> e.get("action")).contains("COLLECTED_BY_TECHNICIAN"));
        assertThat(custody(laptop)).filteredOn(e -> "COLLECTED_BY_TECHNICIAN".equals(e.get("action"))).hasSize(1);

        receive(returnId, laptop, "GOOD").then().statusCode(200).body("status", equalTo("COLLECTED"));
        receive(returnId, laptop, "GOOD").then().statusCode(200);
        receive(returnId, laptop, "DAMAGED").then().statusCode(409).contentType("application/problem+json");
        receive(returnId, dock, "DAMAGED").then().statusCode(200).body("status", equalTo("RECEIVED"));

        JsonNode received = payload(awaitEvent(ticket, "ReturnReceived"));
        assertThat(received.get("assets").findValuesAsText("condition")).containsExactlyInAnyOrder("GOOD", "DAMAGED");
        assertThat(TestDatabase.number("select count(*) from outbox_event where record_key = '" + ticket
                + "' and event_type = 'ReturnReceived'")).isEqualTo(1);
        for (String asset : List.of(laptop, dock)) {
            List<Map<String, Object>> trail = custody(asset);
            assertThat(trail).extracting(e -> e.get("action")).containsExactly("RETURN_REQUESTED",
                    "COLLECTED_BY_TECHNICIAN", "RECEIVED_IN_STOCK");
            assertThat(trail.get(1).get("actor")).isEqualTo("technician:T-BFC-01");
            assertThat(trail).allSatisfy(e -> assertThat(e.get("returnId")).isEqualTo(returnId));
        }
    }

    @Test
    void aReturnDepositedInALockerIsTracedThroughTheLockerToStock() throws Exception {
        String employee = "E-LRET-" + suffix();
        String headset = "HS-NCY-" + suffix();
        String body = JSON.createObjectNode().put("employeeId", employee).put("site", "NANCY")
                .put("collection", "LOCKER").set("assets", JSON.createArrayNode().add(headset)).toString();
        String created = RestAssured.given().auth().oauth2(TestTokens.forSubject(employee, "employee"))
                .contentType(ContentType.JSON).header("Idempotency-Key", "form-" + employee).body(body)
                .post("/returns").then().statusCode(201).extract().asString();
        String returnId = JSON.readTree(created).get("id").asText();
        RestAssured.given().auth().oauth2(TestTokens.forSubject(employee, "employee")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "form-" + employee).body(body).post("/returns").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(returnId));
        JsonNode requested = payload(awaitEvent(returnId, "ReturnRequested"));
        assertThat(requested.get("collection").asText()).isEqualTo("LOCKER");

        String compartment = freeCompartment("NANCY-L1");
        String deposited = "{\"event\": \"DEPOSITED\", \"compartment\": \"" + compartment + "\", \"returnId\": \""
                + returnId + "\", \"at\": \"" + java.time.Instant.now() + "\"}";
        webhook("/lockers/NANCY-L1/door-events", deposited, null).then().statusCode(204);
        webhook("/lockers/NANCY-L1/door-events", deposited, null).then().statusCode(204);
        JsonNode inLocker = payload(awaitEvent(returnId, "LockerDeposited"));
        assertThat(inLocker.get("purpose").asText()).isEqualTo("RETURN");
        assertThat(inLocker.get("compartment").asText()).isEqualTo(compartment);

        webhook("/lockers/NANCY-L1/door-events", "{\"event\": \"COLLECTED\", \"compartment\": \"" + compartment
                + "\", \"actor\": \"L-OPS-7\", \"at\": \"" + java.time.Instant.now() + "\"}", null).then()
                .statusCode(204);
        assertThat(payload(awaitEvent(returnId, "LockerCollected")).get("purpose").asText()).isEqualTo("RETURN");
        receive(returnId, headset, "GOOD").then().statusCode(200).body("status", equalTo("RECEIVED"));
        awaitEvent(returnId, "ReturnReceived");

        assertThat(custody(headset)).extracting(e -> e.get("action")).containsExactly("RETURN_REQUESTED",
                "DEPOSITED_IN_LOCKER", "COLLECTED_FROM_LOCKER", "RECEIVED_IN_STOCK");
        List<Map<String, Object>> locker = as("logistics-operator").get("/lockers/NANCY-L1/custody").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(locker).filteredOn(e -> headset.equals(e.get("asset"))).extracting(e -> e.get("compartment"))
                .containsOnly(compartment);
        assertThat(TestDatabase.number("select count(*) from outbox_event where record_key = '" + returnId
                + "' and event_type = 'LockerDeposited'")).isEqualTo(1);
    }

    @Test
    void badReturnFormsAreProblemsAndStoreNothing() {
        String employee = "E-BAD-" + suffix();
        String[] bodies = {
            "{\"employeeId\": \"" + employee + "\", \"site\": \"NANCY\", \"collection\": \"LOCKER\", \"assets\": []}",
            "{\"employeeId\": \"" + employee + "\", \"site\": \"NANCY\", \"collection\": \"DRONE\", \"assets\": [\"X1\"]}",
            "{\"employeeId\": \"" + employee + "\", \"site\": \"NANCY\", \"collection\": \"LOCKER\", \"assets\": [\"X1\"], "
                    + "\"homeAddress\": \"7 rue Secrete\"}",
            "{\"employeeId\": \"" + employee + "\", \"site\": \"nancy\", \"collection\": \"LOCKER\", \"assets\": [\"X1\"]}",
            "not json"};
        for (String body : bodies) {
            as("desk-agent").contentType(ContentType.JSON).body(body).post("/returns").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Secrete")));
        }
        RestAssured.given().auth().oauth2(TestTokens.forSubject("E-SOMEONE-ELSE", "employee"))
                .contentType(ContentType.JSON).body("{\"employeeId\": \"" + employee + "\", \"site\": \"NANCY\", "
                        + "\"collection\": \"LOCKER\", \"assets\": [\"X1\"]}")
                .post("/returns").then().statusCode(403).contentType("application/problem+json");
        assertThat(TestDatabase.number("select count(*) from return_request where employee_id = '" + employee + "'"))
                .isZero();
    }

    static String freeCompartment(String locker) {
        List<Map<String, Object>> compartments = as("logistics-operator").get("/lockers?site=NANCY").then()
                .statusCode(200).extract().jsonPath().getList("find { it.lockerId == '" + locker + "' }.compartments");
        return compartments.stream().filter(c -> !Boolean.TRUE.equals(c.get("occupied")))
                .map(c -> (String) c.get("compartment")).reduce((a, b) -> b).orElseThrow();
    }

    static io.restassured.response.Response receive(String returnId, String asset, String condition) {
        return as("logistics-operator").contentType(ContentType.JSON)
                .body(Map.of("asset", asset, "condition", condition)).post("/returns/" + returnId + "/receipts");
    }

    static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }
}
