package org.fieldsupport.ticket.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;
import org.fieldsupport.ticket.tickets.Ticket;

/** The ticket follows what dispatch and logistics publish, once per event, never backwards. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class TicketProgressTest {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.thread-pool.max-threads")
    int requestThreads;

    @BeforeEach
    void sites() {
        for (String[] site : new String[][] {{"STRASBOURG", "FR-67"}, {"NANCY", "FR-54"}, {"DIJON", "FR-21"}}) {
            RestAssured.given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                    .body("{\"name\": \"" + site[0] + "\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \""
                            + site[1] + "\"}")
                    .put("/sites/" + site[0]).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        }
    }

    @Test
    void anOnSiteInterventionBooksThenResolvesTheTicket() {
        String id = escalated("HARDWARE", "ON_SITE", null);
        publish("dispatch.events", "InterventionScheduled", id, "2025-10-07T09:00:00Z");
        awaitStatus(id, "APPOINTMENT_BOOKED");
        publish("dispatch.events", "InterventionStarted", id, "2025-10-08T07:34:00Z");
        awaitStatus(id, "TECHNICIAN_ON_SITE");
        publish("dispatch.events", "InterventionCompleted", id, "2025-10-08T08:05:00Z");
        awaitStatus(id, "RESOLVED");
        JsonPath ticket = get(id);
        assertThat(ticket.getBoolean("resolvedRemotely")).isFalse();
        assertThat(ticket.getString("resolution")).isEqualTo("ON_SITE");
        assertThat(ticket.getList("timeline.actor")).contains("dispatch-service");
        assertThat(ticket.getString("timeline.find { it.kind == 'APPOINTMENT_BOOKED' }.detail"))
                .contains("T-EST-01").contains("2025-10-08T07:30:00Z");
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.readAll("ticket.events").stream()
                .anyMatch(r -> id.equals(r.key()) && "TicketResolved".equals(TopicRecords.header(r, "ce_type"))
                        && r.value().contains("\"remote\":false")));
    }

    @Test
    void aHeadsetShipmentShowsTheBubbleRoomAndResolvesOnDelivery() {
        String id = escalated("ACCESSORY", "SHIPMENT", "HEADSET");
        publish("logistics.events", "ShipmentDispatched", id, "2025-10-07T10:00:00Z");
        awaitStatus(id, "SHIPPED");
        assertThat(get(id).getString("timeline.find { it.kind == 'SHIPPED' }.detail")).contains("bubble room");
        publish("logistics.events", "ShipmentDelivered", id, "2025-10-08T11:20:00Z");
        awaitStatus(id, "RESOLVED");
        assertThat(get(id).getString("resolution")).isEqualTo("DELIVERED");
    }

    @Test
    void aFailedDeliveryBringsTheTicketBackToTheDesk() {
        String id = escalated("ACCESSORY", "SHIPMENT", "KEYBOARD");
        publish("logistics.events", "ShipmentAwaitingAddress", id, "2025-10-07T10:00:00Z");
        awaitStatus(id, "AWAITING_ADDRESS");
        publish("logistics.events", "ShipmentDispatched", id, "2025-10-07T12:00:00Z");
        publish("logistics.events", "ShipmentFailed", id, "2025-10-08T16:00:00Z");
        awaitStatus(id, "NEEDS_ATTENTION");
        command(id, "escalation", "{\"kind\": \"SHIPMENT\"}").statusCode(202).body("status", equalTo("ESCALATED"));
    }

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        String id = escalated("HARDWARE", "ON_SITE", null);
        String eventId = UUID.randomUUID().toString();
        ObjectNode payload = payload("InterventionScheduled", id, "2025-10-07T09:00:00Z");
        send("dispatch.events", "InterventionScheduled", id, eventId, payload);
        send("dispatch.events", "InterventionScheduled", id, eventId, payload);
        publish("dispatch.events", "InterventionStarted", id, "2025-10-08T07:34:00Z");
        awaitStatus(id, "TECHNICIAN_ON_SITE");
        assertThat(get(id).getList("timeline.kind"))
                .containsExactlyInAnyOrder("OPENED", "ESCALATED", "APPOINTMENT_BOOKED", "TECHNICIAN_ON_SITE");
    }

    @Test
    void eventsInTheWrongOrderNeverMoveTheTicketBack() {
        String id = escalated("HARDWARE", "ON_SITE", null);
        publish("dispatch.events", "InterventionCompleted", id, "2025-10-08T08:05:00Z");
        awaitStatus(id, "RESOLVED");
        publish("dispatch.events", "InterventionScheduled", id, "2025-10-07T09:00:00Z");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(id).getList("timeline.kind"))
                .contains("APPOINTMENT_BOOKED"));
        JsonPath ticket = get(id);
        assertThat(ticket.getString("status")).isEqualTo("RESOLVED");
        assertThat(ticket.getString("timeline.find { it.kind == 'APPOINTMENT_BOOKED' }.detail"))
                .contains("not applied");
    }

    @Test
    void anEventForAnUnknownTicketGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String unknown = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        send("logistics.events", "ShipmentDelivered", unknown, poisonId,
                payload("ShipmentDelivered", unknown, "2025-10-08T11:20:00Z"));
        String id = escalated("ACCESSORY", "SHIPMENT", "MOUSE");
        publish("logistics.events", "ShipmentDelivered", id, "2025-10-08T11:20:00Z");
        awaitStatus(id, "RESOLVED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TopicRecords.readAll("logistics.events.ticket-service.dlq"))
                .anySatisfy(r -> {
                    assertThat(TopicRecords.header(r, "ce_id")).isEqualTo(poisonId);
                    assertThat(TopicRecords.header(r, "dead-letter-reason")).contains("unknown ticket");
                }));
    }

    @Test
    void aCancelRacingAnIncomingAppointmentLosesNeither() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(escalated("HARDWARE", "ON_SITE", null));
        }
        List<CompletableFuture<Integer>> cancels = new ArrayList<>();
        for (String id : ids) {
            publish("dispatch.events", "InterventionScheduled", id, Instant.now().toString());
            cancels.add(CompletableFuture.supplyAsync(() -> command(id, "cancel", null).extract().statusCode()));
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            int status = cancels.get(i).join();
            if (status == 409) {
                // The appointment was being applied at the same moment: the desk reads again and cancels.
                command(id, "cancel", null).statusCode(200);
            } else {
                assertThat(status).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(id).getList("timeline.kind"))
                    .contains("APPOINTMENT_BOOKED", "CANCELLED"));
            assertThat(get(id).getString("status")).isEqualTo("CANCELLED");
        }
    }

    @Test
    void eventsAreAppliedWhileEveryRequestThreadIsBusy() throws InterruptedException {
        String id = escalated("HARDWARE", "ON_SITE", null);
        CountDownLatch started = new CountDownLatch(requestThreads);
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < requestThreads; i++) {
                vertx.executeBlocking(() -> {
                    started.countDown();
                    return release.await(1, TimeUnit.MINUTES);
                }, false);
            }
            assertThat(started.await(30, TimeUnit.SECONDS)).as("every request thread taken").isTrue();
            publish("dispatch.events", "InterventionScheduled", id, "2025-10-07T09:00:00Z");
            // Read from the database on this thread: a GET would wait for a request thread like any request.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew()
                    .call(() -> Ticket.<Ticket>findById(UUID.fromString(id)).status.name()))
                    .isEqualTo("APPOINTMENT_BOOKED"));
        } finally {
            release.countDown();
        }
    }

    private static String escalated(String category, String kind, String accessory) {
        String id = RestAssured.given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON)
                .body("{\"employeeId\": \"E-PR\", \"site\": \"NANCY\", \"category\": \"" + category + "\","
                        + (accessory == null ? "" : " \"accessory\": \"" + accessory + "\",")
                        + " \"summary\": \"Progress\"}")
                .post("/tickets").then().statusCode(201).extract().path("id");
        command(id, "escalation", "{\"kind\": \"" + kind + "\"}").statusCode(202);
        return id;
    }

    private static io.restassured.response.ValidatableResponse command(String id, String command, String body) {
        var request = RestAssured.given().auth().oauth2(TestTokens.forRole("desk-agent"));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/tickets/" + id + "/" + command).then();
    }

    private static JsonPath get(String id) {
        return RestAssured.given().auth().oauth2(TestTokens.forRole("desk-agent")).get("/tickets/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(id).getString("status"))
                .isEqualTo(status));
    }

    private static ObjectNode payload(String type, String ticketId, String occurredAt) {
        return ProducerExamples.example(type).put("ticketId", ticketId).put("site", "NANCY")
                .put("occurredAt", occurredAt);
    }

    private static void publish(String topic, String type, String ticketId, String occurredAt) {
        send(topic, type, ticketId, UUID.randomUUID().toString(), payload(type, ticketId, occurredAt));
    }

    private static void send(String topic, String type, String ticketId, String eventId, ObjectNode payload) {
        String source = topic.startsWith("dispatch") ? "urn:field-support:dispatch-service"
                : "urn:field-support:logistics-service";
        TopicRecords.send(topic, ticketId, payload.toString(), TopicRecords.cloudEventHeaders(eventId, type, source,
                ticketId, payload.get("occurredAt").asText()));
    }
}
