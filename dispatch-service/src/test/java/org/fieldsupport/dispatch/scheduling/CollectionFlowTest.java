package org.fieldsupport.dispatch.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.dispatch.DispatchFixtures.awaitEvent;
import static org.fieldsupport.dispatch.DispatchFixtures.interventions;
import static org.fieldsupport.dispatch.DispatchFixtures.policy;
import static org.fieldsupport.dispatch.DispatchFixtures.publishCancellation;
import static org.fieldsupport.dispatch.DispatchFixtures.publishEscalation;
import static org.fieldsupport.dispatch.DispatchFixtures.publishReturnRequested;
import static org.fieldsupport.dispatch.DispatchFixtures.technician;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TopicRecords;

/** Return collections booked from logistics-service's ReturnRequested, and events read out of order. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class CollectionFlowTest {

    @BeforeEach
    void referenceData() {
        policy("BEAUNE", "ROVING", "FR-21", 47.0260, 4.8400);
        technician("T-BEAUNE-01", "{\"name\": \"Roving, Cote-d'Or\", \"team\": \"BFC\", \"baseLatitude\": 47.32, "
                + "\"baseLongitude\": 5.04, \"sites\": [\"BEAUNE\"]}");
    }

    @Test
    void aReturnCollectedByATechnicianIsBookedOnceWithTheNextBusinessDayPromise() throws Exception {
        String returnId = UUID.randomUUID().toString();
        String ticket = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // Friday 5 December 2025, 10:00 in Beaune: due by the end of Monday 8.
        publishReturnRequested(returnId, ticket, "BEAUNE", "TECHNICIAN", "2025-12-05T09:00:00Z", eventId);
        publishReturnRequested(returnId, ticket, "BEAUNE", "TECHNICIAN", "2025-12-05T09:00:00Z", eventId);
        publishReturnRequested(returnId, ticket, "BEAUNE", "TECHNICIAN", "2025-12-05T09:00:00Z",
                UUID.randomUUID().toString());
        JsonPath scheduled = JsonPath.from(awaitEvent(ticket, "InterventionScheduled").value());
        assertThat(scheduled.getString("kind")).isEqualTo("COLLECTION");
        assertThat(scheduled.getString("returnId")).isEqualTo(returnId);
        assertThat(scheduled.getString("deadline")).isEqualTo("2025-12-08T22:59:59.999999999Z");
        assertThat(scheduled.getBoolean("withinPromise")).isTrue();
        // A marker behind them on the same partition (another return, without ticket): once it is booked, the
        // duplicates were read.
        String marker = UUID.randomUUID().toString();
        publishReturnRequested(ticket, marker, null, "BEAUNE", "TECHNICIAN", "2025-12-05T09:01:00Z",
                UUID.randomUUID().toString());
        awaitEvent("InterventionScheduled", r -> r.value().contains(marker));
        assertThat(interventions("dispatcher", "returnId", returnId)).singleElement()
                .satisfies(v -> assertThat(v.get("ticketId")).isEqualTo(ticket));
        assertThat(TopicRecords.readAll("dispatch.events").stream().filter(r -> r.value().contains(returnId)))
                .hasSize(1);
    }

    @Test
    void aReturnWithoutTicketIsKeyedByItsVisitAndALockerDepositBooksNothing() throws Exception {
        String returnId = UUID.randomUUID().toString();
        publishReturnRequested(returnId, null, "BEAUNE", "TECHNICIAN", "2025-12-09T08:00:00Z",
                UUID.randomUUID().toString());
        JsonPath scheduled = JsonPath.from(awaitEvent("InterventionScheduled",
                r -> r.value().contains(returnId)).value());
        assertThat(scheduled.getString("ticketId")).isNull();
        assertThat(scheduled.getString("technicianId")).isEqualTo("T-BEAUNE-01");
        assertThat(interventions("dispatcher", "returnId", returnId)).hasSize(1);

        String lockerReturn = UUID.randomUUID().toString();
        publishReturnRequested(lockerReturn, null, "BEAUNE", "LOCKER", "2025-12-09T08:00:00Z",
                UUID.randomUUID().toString());
        String after = UUID.randomUUID().toString();
        publishReturnRequested(after, null, "BEAUNE", "TECHNICIAN", "2025-12-09T08:05:00Z",
                UUID.randomUUID().toString());
        awaitEvent("InterventionScheduled", r -> r.value().contains(after));
        assertThat(interventions("dispatcher", "returnId", lockerReturn)).isEmpty();
    }

    @Test
    void aReturnWithoutReturnIdGoesToTheDeadLetterTopic() {
        String eventId = UUID.randomUUID().toString();
        TopicRecords.send("logistics.events", "broken", "{\"schemaVersion\": 1, \"site\": \"BEAUNE\", "
                + "\"collection\": \"TECHNICIAN\", \"occurredAt\": \"2025-12-09T08:00:00Z\"}",
                TopicRecords.cloudEventHeaders(eventId, "ReturnRequested", "urn:field-support:logistics-service",
                        "broken", "2025-12-09T08:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TopicRecords.readAll("logistics.events.dispatch-service.dlq")).anySatisfy(r -> {
                    assertThat(TopicRecords.header(r, "ce_id")).isEqualTo(eventId);
                    assertThat(TopicRecords.header(r, "dead-letter-reason")).contains("lacks returnId");
                }));
    }

    @Test
    void anEscalationOlderThanTheTicketsCancellationBooksNothingButALaterOneDoes() throws Exception {
        String ticket = UUID.randomUUID().toString();
        publishCancellation(ticket, "BEAUNE", "2025-12-10T09:00:00Z");
        publishEscalation(ticket, "BEAUNE", "ON_SITE", "2025-12-10T08:00:00Z", UUID.randomUUID().toString());
        // Reopened and escalated again after the cancellation: that one is booked.
        publishEscalation(ticket, "BEAUNE", "ON_SITE", "2025-12-10T10:00:00Z", UUID.randomUUID().toString());
        JsonPath scheduled = JsonPath.from(awaitEvent(ticket, "InterventionScheduled").value());
        assertThat(scheduled.getString("occurredAt")).isEqualTo("2025-12-10T10:00:00Z");
        assertThat(interventions("dispatcher", "ticketId", ticket)).hasSize(1);
    }
}
