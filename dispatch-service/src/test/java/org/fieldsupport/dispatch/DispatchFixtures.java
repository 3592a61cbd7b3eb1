package org.fieldsupport.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

/** Reference data, published ticket and logistics events, and awaited dispatch events, for the service's tests. */
public final class DispatchFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The publishers' examples, read from their contract files: dispatch depends on no other service's code. */
    public static final Path ESCALATED = Path.of(
            "../ticket-service/src/main/resources/contracts/examples/TicketEscalated.json");
    public static final Path CANCELLED = Path.of(
            "../ticket-service/src/main/resources/contracts/examples/TicketCancelled.json");
    public static final Path RETURN_REQUESTED = Path.of(
            "../logistics-service/src/main/resources/contracts/examples/ReturnRequested.json");

    private DispatchFixtures() {
    }

    public static Instant windowOf(Map<String, Object> view, String bound) {
        @SuppressWarnings("unchecked")
        Map<String, Object> window = (Map<String, Object>) view.get("window");
        return Instant.parse((String) window.get(bound));
    }

    public static List<Map<String, Object>> interventions(String role, String filter, String value) {
        return given().auth().oauth2(TestTokens.forRole(role)).queryParam(filter, value).get("/interventions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The first event of that type for the ticket; every awaited event must match its published schema. */
    public static ConsumerRecord<String, String> awaitEvent(String ticket, String type) {
        return awaitEvent(type, r -> ticket.equals(r.key()));
    }

    /** The first event of that type matching {@code which}, valid against its published schema. */
    public static ConsumerRecord<String, String> awaitEvent(String type,
            Predicate<ConsumerRecord<String, String>> which) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicRecords.readAll("dispatch.events").stream()
                        .filter(r -> type.equals(TopicRecords.header(r, "ce_type")) && which.test(r))
                        .findFirst().orElse(null), Objects::nonNull);
        assertThat(ContractSchemas.violations(ContractSchemas.fromFile(Path.of(
                "src/main/resources/contracts/schemas/" + type + ".schema.json")), record.value()))
                .as(type + " " + record.value()).isEmpty();
        assertThat(TopicRecords.header(record, "ce_source")).isEqualTo("urn:field-support:dispatch-service");
        return record;
    }

    public static void publishEscalation(String ticket, String site, String kind, String at, String eventId)
            throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(Files.readString(ESCALATED));
        payload.put("ticketId", ticket).put("site", site).put("kind", kind).put("occurredAt", at);
        if ("MEETING_ROOM".equals(kind)) {
            payload.put("category", "MEETING_ROOM").put("roomId", "ROOM-1");
        }
        TopicRecords.send("ticket.events", ticket, payload.toString(), TopicRecords.cloudEventHeaders(eventId,
                "TicketEscalated", "urn:field-support:ticket-service", ticket, at));
    }

    public static void absence(String technician, String from, String to) {
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"startsAt\": \"" + from + "\", \"endsAt\": \"" + to + "\", \"reason\": \"SICKNESS\", "
                        + "\"declaredAt\": \"" + from + "\"}")
                .post("/technicians/" + technician + "/absences").then().statusCode(201);
    }

    public static void policy(String site, String mode, String region, double lat, double lon) {
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"mode\": \"" + mode + "\", \"holidayRegion\": \"" + region + "\", \"timeZone\": "
                        + "\"Europe/Paris\", \"onSiteMinutes\": 60, \"meetingRoomMinutes\": 45, "
                        + "\"collectionMinutes\": 30, \"latitude\": " + lat + ", \"longitude\": " + lon + "}")
                .put("/sites/" + site + "/policies/2025-01-01").then().statusCode(200);
    }

    public static void technician(String id, String body) {
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON).body(body)
                .put("/technicians/" + id).then().statusCode(200);
    }

    public static void publishCancellation(String ticket, String site, String at) throws Exception {
        ObjectNode cancelled = (ObjectNode) JSON.readTree(Files.readString(CANCELLED));
        cancelled.put("ticketId", ticket).put("site", site).put("occurredAt", at);
        TopicRecords.send("ticket.events", ticket, cancelled.toString(), TopicRecords.cloudEventHeaders(
                java.util.UUID.randomUUID().toString(), "TicketCancelled", "urn:field-support:ticket-service", ticket,
                at));
    }

    /** logistics-service's ReturnRequested, keyed by the ticket when there is one, else by the return. */
    public static void publishReturnRequested(String returnId, String ticket, String site, String collection,
            String at, String eventId) throws Exception {
        publishReturnRequested(ticket != null ? ticket : returnId, returnId, ticket, site, collection, at, eventId);
    }

    public static void publishReturnRequested(String key, String returnId, String ticket, String site,
            String collection, String at, String eventId) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(Files.readString(RETURN_REQUESTED));
        payload.put("returnId", returnId).put("site", site).put("collection", collection).put("occurredAt", at);
        if (ticket == null) {
            payload.remove("ticketId");
        } else {
            payload.put("ticketId", ticket);
        }
        TopicRecords.send("logistics.events", key, payload.toString(), TopicRecords.cloudEventHeaders(eventId,
                "ReturnRequested", "urn:field-support:logistics-service", key, at));
    }
}
