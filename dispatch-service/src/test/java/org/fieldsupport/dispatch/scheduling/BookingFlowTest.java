package org.fieldsupport.dispatch.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.dispatch.DispatchFixtures.CANCELLED;
import static org.fieldsupport.dispatch.DispatchFixtures.JSON;
import static org.fieldsupport.dispatch.DispatchFixtures.absence;
import static org.fieldsupport.dispatch.DispatchFixtures.awaitEvent;
import static org.fieldsupport.dispatch.DispatchFixtures.interventions;
import static org.fieldsupport.dispatch.DispatchFixtures.policy;
import static org.fieldsupport.dispatch.DispatchFixtures.publishEscalation;
import static org.fieldsupport.dispatch.DispatchFixtures.technician;
import static org.fieldsupport.dispatch.DispatchFixtures.windowOf;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

/** From ticket-service's TicketEscalated to an appointment on dispatch.events, and the technician's day. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class BookingFlowTest {

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void referenceData() {
        policy("STRASBOURG", "ROVING", "FR-67", 48.5734, 7.7521);
        policy("DIJON", "ROVING", "FR-21", 47.3220, 5.0415);
        policy("NANCY", "HALF_TIME_OSS", "FR-54", 48.6921, 6.1844);
        technician("T-EST-01", "{\"name\": \"Roving, Grand Est\", \"team\": \"GRAND_EST\", \"baseLatitude\": 48.58, "
                + "\"baseLongitude\": 7.75, \"sites\": [\"STRASBOURG\", \"NANCY\"]}");
        technician("T-EST-02", "{\"name\": \"OSS Nancy\", \"team\": \"GRAND_EST\", \"baseLatitude\": 48.69, "
                + "\"baseLongitude\": 6.18, \"sites\": [\"NANCY\"], \"ossSite\": \"NANCY\", \"rota\": {\"MONDAY\": "
                + "\"MORNING\", \"TUESDAY\": \"AFTERNOON\", \"WEDNESDAY\": \"MORNING\", \"THURSDAY\": \"AFTERNOON\", "
                + "\"FRIDAY\": \"AFTERNOON\"}}");
        technician("T-BFC-01", "{\"name\": \"Roving, Bourgogne-Franche-Comte\", \"team\": \"BFC\", "
                + "\"baseLatitude\": 47.32, \"baseLongitude\": 5.04, \"sites\": [\"DIJON\"]}");
    }

    @Test
    void withNoTechnicianServingTheSiteThePromiseIsReportedAtRisk() throws Exception {
        policy("BESANCON", "ROVING", "FR-25", 47.2378, 6.0241);
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "BESANCON", "ON_SITE", "2025-10-08T08:00:00Z", UUID.randomUUID().toString());
        JsonPath risk = JsonPath.from(awaitEvent(ticket, "InterventionAtRisk").value());
        assertThat(risk.getString("reason")).contains("No technician");
        assertThat(interventions("dispatcher", "ticketId", ticket)).isEmpty();
    }

    @Test
    void christmasEveAtStrasbourgIsBookedWithTheJPlusOneDeadlineOfAlsaceMoselle() throws Exception {
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "STRASBOURG", "ON_SITE", "2025-12-24T09:00:00Z", UUID.randomUUID().toString());
        ConsumerRecord<String, String> scheduled = awaitEvent(ticket, "InterventionScheduled");
        JsonPath payload = JsonPath.from(scheduled.value());
        assertThat(payload.getString("deadline")).isEqualTo("2025-12-29T22:59:59.999999999Z");
        assertThat(payload.getBoolean("withinPromise")).isTrue();
        assertThat(payload.getString("technicianId")).isEqualTo("T-EST-01");
        // Escalated at 10:00 in Strasbourg; the technician's base is in town: the visit starts at once.
        assertThat(payload.getString("window.start")).isEqualTo("2025-12-24T09:00:00Z");
    }

    @Test
    void atNancyTheHalfDayRuleFollowsTheOssRota() throws Exception {
        // Monday 6 October 2025, 12:00 in Nancy: the OSS's morning ends at 12:30, too late for an hour's visit;
        // the OSS is back on Tuesday afternoon.
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "NANCY", "ON_SITE", "2025-10-06T10:00:00Z", UUID.randomUUID().toString());
        JsonPath payload = JsonPath.from(awaitEvent(ticket, "InterventionScheduled").value());
        assertThat(payload.getString("deadline")).isEqualTo("2025-10-07T15:30:00Z");
        assertThat(payload.getBoolean("withinPromise")).isTrue();
    }

    @Test
    void aRedeliveredOrRepeatedEscalationBooksOnce() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishEscalation(ticket, "DIJON", "ON_SITE", "2025-10-08T08:00:00Z", eventId);
        publishEscalation(ticket, "DIJON", "ON_SITE", "2025-10-08T08:00:00Z", eventId);
        publishEscalation(ticket, "DIJON", "ON_SITE", "2025-10-08T08:00:00Z", UUID.randomUUID().toString());
        awaitEvent(ticket, "InterventionScheduled");
        // A marker on the same partition: once it is booked, everything before it was read.
        publishEscalation(ticket, "DIJON", "MEETING_ROOM", "2025-10-08T08:01:00Z", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicRecords.readAll("dispatch.events")
                .stream().filter(r -> ticket.equals(r.key())).count()).isEqualTo(1));
        assertThat(interventions("dispatcher", "ticketId", ticket)).hasSize(1);
    }

    @Test
    void anEventTypeDispatchDoesNotReadLeavesNoTraceInTheInbox() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String openedId = UUID.randomUUID().toString();
        String escalatedId = UUID.randomUUID().toString();
        TopicRecords.send("ticket.events", ticket, "{\"ticketId\": \"" + ticket + "\", \"site\": \"DIJON\"}",
                TopicRecords.cloudEventHeaders(openedId, "TicketOpened", "urn:field-support:ticket-service", ticket,
                        "2025-10-08T07:59:00Z"));
        publishEscalation(ticket, "DIJON", "ON_SITE", "2025-10-08T08:00:00Z", escalatedId);
        awaitEvent(ticket, "InterventionScheduled");
        assertThat(inboxRecords(openedId)).as("the unread TicketOpened, before the escalation on its partition")
                .isZero();
        assertThat(inboxRecords(escalatedId)).isEqualTo(1);
    }

    private long inboxRecords(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }

    @Test
    void aVisitJoinsTheTripAlreadyPlannedToTheSiteWhenThatStillKeepsThePromise() throws Exception {
        policy("AUXERRE", "ROVING", "FR-89", 47.7982, 3.5673);
        technician("T-AUX-01", "{\"name\": \"Roving, Yonne\", \"team\": \"BFC\", \"baseLatitude\": 47.7982, "
                + "\"baseLongitude\": 3.5673, \"sites\": [\"AUXERRE\"]}");
        // Monday 15 December 2025, 17:00: too late today, booked Tuesday 08:30.
        String first = UUID.randomUUID().toString();
        publishEscalation(first, "AUXERRE", "ON_SITE", "2025-12-15T16:00:00Z", UUID.randomUUID().toString());
        assertThat(JsonPath.from(awaitEvent(first, "InterventionScheduled").value()).getString("window.start"))
                .isEqualTo("2025-12-16T07:30:00Z");
        // Read after it, an escalation of Monday 14:00 could be served on Monday; it joins Tuesday's trip instead,
        // still within its J+1 promise.
        String second = UUID.randomUUID().toString();
        publishEscalation(second, "AUXERRE", "ON_SITE", "2025-12-15T13:00:00Z", UUID.randomUUID().toString());
        JsonPath grouped = JsonPath.from(awaitEvent(second, "InterventionScheduled").value());
        assertThat(grouped.getString("window.start")).isEqualTo("2025-12-16T08:30:00Z");
        assertThat(grouped.getBoolean("withinPromise")).isTrue();
    }

    @Test
    void concurrentBookingsNeverOverlapForATechnician() throws Exception {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String ticket = UUID.randomUUID().toString();
            tickets.add(ticket);
            publishEscalation(ticket, "STRASBOURG", "ON_SITE", "2025-11-03T07:00:00Z", UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tickets.stream()
                .filter(t -> !interventions("dispatcher", "ticketId", t).isEmpty()).count()).isEqualTo(12));
        Map<String, List<Map<String, Object>>> byTechnician = tickets.stream()
                .map(t -> interventions("dispatcher", "ticketId", t).get(0))
                .collect(Collectors.groupingBy(v -> (String) v.get("technicianId")));
        for (List<Map<String, Object>> agenda : byTechnician.values()) {
            agenda.sort(Comparator.comparing(v -> windowOf(v, "start")));
            for (int i = 1; i < agenda.size(); i++) {
                assertThat(windowOf(agenda.get(i), "start")).isAfterOrEqualTo(windowOf(agenda.get(i - 1), "end"));
            }
        }
    }

    @Test
    void aTechnicianSeesAndCompletesOnlyTheirOwnAppointments() throws Exception {
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "STRASBOURG", "ON_SITE", "2025-10-09T07:00:00Z", UUID.randomUUID().toString());
        awaitEvent(ticket, "InterventionScheduled");
        String id = (String) interventions("dispatcher", "ticketId", ticket).get(0).get("id");
        String other = TestTokens.forSubject("T-EST-02", "technician");
        given().auth().oauth2(other).get("/interventions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other).queryParam("technicianId", "T-EST-01").get("/interventions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"outcome\": \"FIXED\"}")
                .post("/interventions/" + id + "/completion").then().statusCode(404);

        String own = TestTokens.forSubject("T-EST-01", "technician");
        given().auth().oauth2(own).get("/interventions").then().statusCode(200)
                .body("technicianId", org.hamcrest.Matchers.everyItem(equalTo("T-EST-01")));
        given().auth().oauth2(own).post("/interventions/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("STARTED"));
        awaitEvent(ticket, "InterventionStarted");
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body("{\"outcome\": \"FIXED\", \"travelKm\": 12.5}")
                .post("/interventions/" + id + "/completion").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        JsonPath completed = JsonPath.from(awaitEvent(ticket, "InterventionCompleted").value());
        assertThat(completed.getString("outcome")).isEqualTo("FIXED");
        assertThat(completed.getDouble("co2eKg")).isEqualTo(2.5);
        given().auth().oauth2(own).contentType(ContentType.JSON).body("{\"outcome\": \"FIXED\"}")
                .post("/interventions/" + id + "/completion").then().statusCode(409);
        given().auth().oauth2(own).contentType(ContentType.JSON).body("{\"outcome\": \"MAGIC\"}")
                .post("/interventions/" + id + "/completion").then().statusCode(400);
    }

    @Test
    void aSickDayMovesTheVisitAndSaysWhenThePromiseCanNoLongerBeKept() throws Exception {
        // Wednesday 19 November 2025, 07:00 UTC: booked at 08:45 in Strasbourg (08:30 plus the short trip from base),
        // due by the end of Thursday 20.
        String kept = UUID.randomUUID().toString();
        publishEscalation(kept, "STRASBOURG", "ON_SITE", "2025-11-19T07:00:00Z", UUID.randomUUID().toString());
        assertThat(JsonPath.from(awaitEvent(kept, "InterventionScheduled").value()).getString("window.start"))
                .isEqualTo("2025-11-19T07:45:00Z");
        absence("T-EST-01", "2025-11-19T06:00:00Z", "2025-11-19T18:00:00Z");
        JsonPath moved = JsonPath.from(awaitEvent(kept, "InterventionRescheduled").value());
        assertThat(moved.getString("reason")).isEqualTo("ABSENCE");
        assertThat(moved.getString("window.start")).isEqualTo("2025-11-20T07:45:00Z");
        assertThat(moved.getBoolean("withinPromise")).isTrue();

        // Wednesday 26 November: sick on Wednesday and Thursday, the only Strasbourg technician comes on Friday.
        String late = UUID.randomUUID().toString();
        publishEscalation(late, "STRASBOURG", "ON_SITE", "2025-11-26T07:00:00Z", UUID.randomUUID().toString());
        awaitEvent(late, "InterventionScheduled");
        absence("T-EST-01", "2025-11-26T06:00:00Z", "2025-11-27T18:00:00Z");
        JsonPath movedLate = JsonPath.from(awaitEvent(late, "InterventionRescheduled").value());
        assertThat(movedLate.getString("window.start")).isEqualTo("2025-11-28T07:45:00Z");
        assertThat(movedLate.getBoolean("withinPromise")).isFalse();
        assertThat(JsonPath.from(awaitEvent(late, "InterventionAtRisk").value()).getString("reason"))
                .contains("ABSENCE");
    }

    @Test
    void aCancelledTicketCancelsItsAppointment() throws Exception {
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "DIJON", "ON_SITE", "2025-10-10T07:00:00Z", UUID.randomUUID().toString());
        awaitEvent(ticket, "InterventionScheduled");
        ObjectNode cancelled = (ObjectNode) JSON.readTree(Files.readString(CANCELLED));
        cancelled.put("ticketId", ticket).put("site", "DIJON").put("occurredAt", "2025-10-10T08:00:00Z");
        TopicRecords.send("ticket.events", ticket, cancelled.toString(), TopicRecords.cloudEventHeaders(
                UUID.randomUUID().toString(), "TicketCancelled", "urn:field-support:ticket-service", ticket,
                "2025-10-10T08:00:00Z"));
        JsonPath payload = JsonPath.from(awaitEvent(ticket, "InterventionCancelled").value());
        assertThat(payload.getString("reason")).isEqualTo("TICKET_CANCELLED");
        assertThat(interventions("dispatcher", "ticketId", ticket).get(0).get("status")).isEqualTo("CANCELLED");
    }

    @Test
    void anEscalationForASiteWithoutPolicyGoesToTheDeadLetterTopic() throws Exception {
        String ticket = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishEscalation(ticket, "LYON", "ON_SITE", "2025-10-10T07:00:00Z", eventId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TopicRecords.readAll("ticket.events.dispatch-service.dlq")).anySatisfy(r -> {
                    assertThat(TopicRecords.header(r, "ce_id")).isEqualTo(eventId);
                    assertThat(TopicRecords.header(r, "dead-letter-reason")).contains("no support policy");
                }));
    }

    @Test
    void badReferenceDataIsRefused() {
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"mode\": \"SOMETIMES\", \"holidayRegion\": \"FR\", \"timeZone\": \"Europe/Paris\", "
                        + "\"onSiteMinutes\": 60, \"meetingRoomMinutes\": 60, \"collectionMinutes\": 30, "
                        + "\"latitude\": 48, \"longitude\": 7}")
                .put("/sites/LYON/policies/2025-10-01").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"name\": \"X\", \"team\": \"T\", \"baseLatitude\": 48, \"baseLongitude\": 7, "
                        + "\"sites\": [\"NANCY\"], \"ossSite\": \"DIJON\"}")
                .put("/technicians/T-X").then().statusCode(400);
        given().auth().oauth2(TestTokens.forRole("technician")).contentType(ContentType.JSON)
                .body("{\"name\": \"X\", \"team\": \"T\", \"baseLatitude\": 48, \"baseLongitude\": 7, "
                        + "\"sites\": [\"NANCY\"]}")
                .put("/technicians/T-X").then().statusCode(403);
    }
}
