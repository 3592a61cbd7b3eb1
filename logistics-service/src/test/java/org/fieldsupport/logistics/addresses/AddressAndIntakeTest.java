package org.fieldsupport.logistics.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.logistics.LogisticsTestSupport.as;
import static org.fieldsupport.logistics.LogisticsTestSupport.awaitEvent;
import static org.fieldsupport.logistics.LogisticsTestSupport.payload;
import static org.fieldsupport.logistics.LogisticsTestSupport.publishEscalation;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

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
import org.fieldsupport.testing.TopicRecords;

/** Delivery addresses (roles, validation, erasure), allocations, and what the consumer does with poison. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "logistics_service"))
@WithTestResource(value = WebhookSecretTestResource.class, scope = TestResourceScope.GLOBAL)
class AddressAndIntakeTest {

    @BeforeEach
    void referenceData() {
        LogisticsTestSupport.seedReferenceData();
    }

    @Test
    void addressesAreReadOnlyByDeskAndLogisticsAndCanBeErased() {
        String employee = "E-ADDR-" + suffix();
        String path = "/employees/" + employee + "/delivery-address";
        String body = "{\"recipientName\": \"Morgane Confidentielle\", \"line1\": \"8 allee Privee\", "
                + "\"postalCode\": \"67000\", \"city\": \"Strasbourg\", \"country\": \"FR\"}";
        as("logistics-operator").contentType(ContentType.JSON).body(body).put(path).then().statusCode(403)
                .contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(401);
        as("desk-agent").contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
        as("logistics-operator").get(path).then().statusCode(200).body("line1", equalTo("8 allee Privee"));
        as("technician").get(path).then().statusCode(403);
        as("pilot-manager").get(path).then().statusCode(403);
        as("desk-agent").delete(path).then().statusCode(204);
        as("desk-agent").get(path).then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("Privee")));
        assertThat(TestDatabase.number("select count(*) from delivery_address where employee_id = '" + employee
                + "'")).isZero();
    }

    @Test
    void everyEndpointIsInTheOpenApiWithItsRolesOrItsSignature() {
        io.restassured.path.json.JsonPath api = RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/employees/{employeeId}/delivery-address", "/shipments", "/shipments/{id}",
                "/shipments/{id}/tracking", "/shipments/{id}/handover", "/returns", "/returns/{id}/receipts",
                "/lockers", "/lockers/{lockerId}/deposits", "/lockers/{lockerId}/door-events",
                "/lockers/{lockerId}/custody", "/custody", "/allocations", "/allocations/{id}/preparation",
                "/catalogue/{code}", "/stock/{locationId}/{itemCode}", "/sites/{code}/logistics")) {
            assertThat(api.getMap("paths")).as(path).containsKey(path);
        }
        assertThat(api.getString("paths.'/employees/{employeeId}/delivery-address'.put.summary"))
                .contains("desk agent");
        assertThat(api.getList("paths.'/employees/{employeeId}/delivery-address'.put.security")).isNotEmpty();
        assertThat(api.getString("paths.'/shipments/{id}/tracking'.post.description")).contains("X-Signature");
    }

    @Test
    void aBadAddressIsAProblemThatEchoesNothingAndStoresNothing() {
        String employee = "E-BADADDR-" + suffix();
        String path = "/employees/" + employee + "/delivery-address";
        for (String body : List.of(
                "{\"recipientName\": \"Yves Cache\", \"line1\": \"1 rue Discrete\", \"postalCode\": \"<script>\", "
                        + "\"city\": \"Nancy\", \"country\": \"FR\"}",
                "{\"recipientName\": \"Yves Cache\", \"line1\": \"1 rue Discrete\", \"postalCode\": \"54000\", "
                        + "\"city\": \"Nancy\", \"country\": \"France\"}",
                "{\"recipientName\": \"Yves Cache\", \"line1\": \"1 rue Discrete\", \"postalCode\": \"54000\", "
                        + "\"city\": \"Nancy\", \"country\": \"FR\", \"email\": \"yves.cache@example.org\"}",
                "{\"recipientName\": 42, \"line1\": \"1 rue Discrete\", \"postalCode\": \"54000\", "
                        + "\"city\": \"Nancy\", \"country\": \"FR\"}")) {
            as("desk-agent").contentType(ContentType.JSON).body(body).put(path).then().statusCode(400)
                    .contentType("application/problem+json").body(not(containsString("Discrete")))
                    .body(not(containsString("Cache"))).body(not(containsString("example.org")));
        }
        assertThat(TestDatabase.number("select count(*) from delivery_address where employee_id = '" + employee
                + "'")).isZero();
    }

    @Test
    void anAllocationIsPreparedForTheStartDate() {
        String ticket = UUID.randomUUID().toString();
        LogisticsTestSupport.publishAllocation(ticket, "DIJON", "2025-11-03", "2025-10-27T09:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as("logistics-operator")
                .queryParam("ticketId", ticket).get("/allocations").then().statusCode(200).extract().jsonPath()
                .getList("$")).hasSize(1));
        String id = as("logistics-operator").queryParam("ticketId", ticket).get("/allocations").then().extract()
                .jsonPath().getString("[0].id");
        for (int i = 0; i < 2; i++) {
            as("logistics-operator").contentType(ContentType.JSON)
                    .body(Map.of("assets", List.of("PC-DIJ-9001", "DOCK-DIJ-9001")))
                    .post("/allocations/" + id + "/preparation").then().statusCode(200)
                    .body("status", equalTo("PREPARED"));
        }
        JsonNode prepared = payload(awaitEvent(ticket, "AllocationPrepared"));
        assertThat(prepared.get("startDate").asText()).isEqualTo("2025-11-03");
        assertThat(TestDatabase.number("select count(*) from outbox_event where record_key = '" + ticket
                + "' and event_type = 'AllocationPrepared'")).isEqualTo(1);
    }

    @Test
    void anEscalationThatCannotBeProcessedGoesToTheDeadLetterTopic() {
        String ticket = UUID.randomUUID().toString();
        String unknownAccessory = UUID.randomUUID().toString();
        publishEscalation(ticket, "NANCY", "SHIPMENT", "E-POISON", "JETPACK", List.of(), 1, "2025-10-07T08:00:00Z",
                unknownAccessory);
        String noAssets = UUID.randomUUID().toString();
        publishEscalation(ticket, "NANCY", "RETURN", "E-POISON", null, List.of(), 2, "2025-10-07T08:00:00Z",
                noAssets);
        String notJson = UUID.randomUUID().toString();
        TopicRecords.send("ticket.events", ticket, "{not json", TopicRecords.cloudEventHeaders(notJson,
                "TicketEscalated", "urn:field-support:ticket-service", ticket, "2025-10-07T08:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dead = TopicRecords.readAll(
                    "ticket.events.logistics-service.dlq");
            assertThat(dead).anySatisfy(r -> {
                assertThat(TopicRecords.header(r, "ce_id")).isEqualTo(unknownAccessory);
                assertThat(TopicRecords.header(r, "dead-letter-reason")).contains("Unknown accessory");
            });
            assertThat(dead).anySatisfy(r -> {
                assertThat(TopicRecords.header(r, "ce_id")).isEqualTo(noAssets);
                assertThat(TopicRecords.header(r, "dead-letter-reason")).contains("names no asset");
            });
            assertThat(dead).anySatisfy(r -> assertThat(TopicRecords.header(r, "ce_id")).isEqualTo(notJson));
        });
        assertThat(TestDatabase.number("select count(*) from shipment where ticket_id = '" + ticket + "'")).isZero();
        // The channel keeps flowing after poison.
        String next = UUID.randomUUID().toString();
        publishEscalation(next, "NANCY", "RETURN", "E-AFTER", null, List.of("PC-NCY-1"), 1, "2025-10-07T08:00:00Z",
                UUID.randomUUID().toString());
        awaitEvent(next, "ReturnRequested");
    }

    static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }
}
