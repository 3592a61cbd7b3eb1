package org.fieldsupport.ticket.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

/** Each path of the ticket lifecycle, through the desk API, with the events it publishes. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class TicketLifecycleApiTest {

    @Inject
    AutoClose autoClose;

    @BeforeEach
    void sites() {
        TestSites.ensure();
    }

    @Test
    void remoteResolutionThenClose() {
        String id = Desk.openHardware("NANCY");
        Desk.command("desk-agent", id, "remote-resolution", "{\"note\": \"Driver reinstalled remotely\"}")
                .statusCode(200).body("status", equalTo("RESOLVED")).body("resolvedRemotely", equalTo(true));
        Desk.command("desk-agent", id, "close", null).statusCode(200).body("status", equalTo("CLOSED"));
        Desk.get(id).statusCode(200)
                .body("timeline.kind", equalTo(List.of("OPENED", "RESOLVED_REMOTELY", "CLOSED")))
                .body("timeline[1].detail", equalTo("Driver reinstalled remotely"));
        assertThat(typesPublishedFor(id)).containsExactly("TicketOpened", "TicketResolved", "TicketClosed");
    }

    @Test
    void escalationFollowsTheCategoryAndIsIdempotent() {
        String id = Desk.openHardware("STRASBOURG");
        String key = UUID.randomUUID().toString();
        String first = RestAssured.given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"kind\": \"ON_SITE\"}")
                .post("/tickets/" + id + "/escalation")
                .then().statusCode(202).body("status", equalTo("ESCALATED")).body("escalationKind", equalTo("ON_SITE"))
                .extract().asString();
        String replay = RestAssured.given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"kind\": \"ON_SITE\"}")
                .post("/tickets/" + id + "/escalation")
                .then().statusCode(202).header("Idempotent-Replayed", "true").extract().asString();
        assertThat(replay).isEqualTo(first);
        Desk.command("desk-agent", id, "escalation", "{\"kind\": \"ON_SITE\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("from ESCALATED to ESCALATED"));
        assertThat(typesPublishedFor(id)).containsExactly("TicketOpened", "TicketEscalated");
    }

    @Test
    void aKindThatDoesNotFitTheCategoryIs422AndChangesNothing() {
        String hardware = Desk.openHardware("DIJON");
        Desk.command("desk-agent", hardware, "escalation", "{\"kind\": \"SHIPMENT\"}")
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("escalation-kind-mismatch"));
        String room = Desk.open("desk-agent", "{\"employeeId\": \"E-LC\", \"site\": \"DIJON\", "
                + "\"category\": \"MEETING_ROOM\", \"summary\": \"Projector dead\"}");
        Desk.command("desk-agent", room, "escalation", "{\"kind\": \"MEETING_ROOM\"}")
                .statusCode(422).body("type", containsString("room-required"));
        Desk.get(hardware).body("status", equalTo("OPEN")).body("version", equalTo(0));
        assertThat(typesPublishedFor(hardware)).containsExactly("TicketOpened");
    }

    @Test
    void anAccessoryIsShippedAndANewHiresKitNeedsItsStartDate() {
        String headset = Desk.open("desk-agent", "{\"employeeId\": \"E-LC\", \"site\": \"NANCY\", "
                + "\"category\": \"ACCESSORY\", \"accessory\": \"HEADSET\", \"summary\": \"Headset broken\"}");
        Desk.command("desk-agent", headset, "escalation", "{\"kind\": \"SHIPMENT\"}").statusCode(202);
        String kit = Desk.open("desk-agent", "{\"employeeId\": \"E-NEW\", \"site\": \"NANCY\", "
                + "\"category\": \"ALLOCATION\", \"summary\": \"New hire\"}");
        Desk.command("desk-agent", kit, "escalation", "{\"kind\": \"ALLOCATION\"}").statusCode(422);
        Desk.command("desk-agent", kit, "escalation", "{\"kind\": \"ALLOCATION\", \"startDate\": \"2025-11-03\"}")
                .statusCode(202).body("startDate", equalTo("2025-11-03"));
        ConsumerRecord<String, String> escalated = await().atMost(Duration.ofSeconds(20)).until(
                () -> recordsFor(kit).stream().filter(r -> "TicketEscalated".equals(TopicRecords.header(r, "ce_type")))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(escalated.value()).contains("\"startDate\":\"2025-11-03\"").contains("\"kind\":\"ALLOCATION\"");
    }

    @Test
    void anEscalatedTicketCanBeCancelledAndThenNothingElse() {
        String id = Desk.openHardware("NANCY");
        Desk.command("desk-agent", id, "escalation", "{\"kind\": \"ON_SITE\"}").statusCode(202);
        Desk.command("desk-agent", id, "cancel", "{\"note\": \"The employee left\"}")
                .statusCode(200).body("status", equalTo("CANCELLED"));
        Desk.command("desk-agent", id, "remote-resolution", "{\"note\": \"too late\"}")
                .statusCode(409).body("detail", containsString("from CANCELLED to RESOLVED"));
        Desk.command("desk-agent", id, "close", null).statusCode(409);
        ConsumerRecord<String, String> cancelled = await().atMost(Duration.ofSeconds(20)).until(
                () -> recordsFor(id).stream().filter(r -> "TicketCancelled".equals(TopicRecords.header(r, "ce_type")))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(cancelled.value()).contains("\"previousStatus\":\"ESCALATED\"");
    }

    @Test
    void anOpenTicketCannotBeClosed() {
        String id = Desk.openHardware("DIJON");
        Desk.command("desk-agent", id, "close", null)
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("from OPEN to CLOSED"));
    }

    @Test
    void aResolvedTicketReopensWithinItsSitesWindowOnly() {
        // Resolved on Wednesday 24 December 2025 in Strasbourg, where 25 and 26 December are holidays. The window
        // reaches back five business days from the day of reopening: from 31 December back to 22 December (open);
        // from Tuesday 6 January back to 29 December (5, 2 January, 31, 30, 29 December), after the resolution.
        String id = importedHardware("STRASBOURG", "2025-12-22T09:00:00Z");
        Desk.command("importer", id, "remote-resolution", "{\"note\": \"fixed\", \"at\": \"2025-12-24T10:00:00Z\"}")
                .statusCode(200);
        Desk.command("importer", id, "reopen", "{\"reason\": \"Back again\", \"at\": \"2025-12-31T16:00:00Z\"}")
                .statusCode(200).body("status", equalTo("OPEN")).body("resolvedAt", equalTo(null));

        String late = importedHardware("STRASBOURG", "2025-12-22T09:00:00Z");
        Desk.command("importer", late, "remote-resolution", "{\"note\": \"fixed\", \"at\": \"2025-12-24T10:00:00Z\"}")
                .statusCode(200);
        Desk.command("importer", late, "reopen", "{\"reason\": \"Back again\", \"at\": \"2026-01-06T08:00:00Z\"}")
                .statusCode(409).body("type", containsString("reopen-window-passed"));
    }

    @Test
    void resolvedTicketsCloseByThemselvesAfterTheirSitesDelay() {
        String due = importedHardware("DIJON", "2025-10-06T08:00:00Z");
        Desk.command("importer", due, "remote-resolution", "{\"note\": \"ok\", \"at\": \"2025-10-06T09:00:00Z\"}")
                .statusCode(200);
        String recent = importedHardware("DIJON", "2025-10-10T08:00:00Z");
        Desk.command("importer", recent, "remote-resolution", "{\"note\": \"ok\", \"at\": \"2025-10-10T09:00:00Z\"}")
                .statusCode(200);

        // Five business days after Monday 6 October end on Monday 13 October; after Friday 10, on Friday 17.
        // The job comes by on Tuesday morning; the ticket is closed as of Monday midnight in Dijon.
        autoClose.closeDue(Instant.parse("2025-10-14T08:00:00Z"));

        Desk.get(due).body("status", equalTo("CLOSED")).body("timeline.kind", hasItems("CLOSED"));
        Desk.get(recent).body("status", equalTo("RESOLVED"));
        ConsumerRecord<String, String> closed = await().atMost(Duration.ofSeconds(20)).until(
                () -> recordsFor(due).stream().filter(r -> "TicketClosed".equals(TopicRecords.header(r, "ce_type")))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(closed.value()).contains("\"automatic\":true").contains("\"occurredAt\":\"2025-10-13T22:00:00Z\"");
    }

    @Test
    void onlyTheImporterMayGiveTheBusinessTimeOfACommand() {
        String id = Desk.openHardware("NANCY");
        Desk.command("desk-agent", id, "remote-resolution", "{\"note\": \"x\", \"at\": \"2025-10-06T09:00:00Z\"}")
                .statusCode(403).contentType("application/problem+json");
        Desk.get(id).body("status", equalTo("OPEN"));
    }

    @Test
    void badCommandsAreRejectedAndChangeNothing() {
        String id = Desk.openHardware("NANCY");
        String eventsOfTicket = "select count(*) from outbox_event where record_key = '" + id + "'";
        long outbox = TestDatabase.number(eventsOfTicket);
        Desk.command("desk-agent", id, "escalation", "{\"kind\": \"TELEPORT\"}").statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        Desk.command("desk-agent", id, "escalation", "{}").statusCode(400);
        Desk.command("desk-agent", id, "escalation", "{\"kind\": \"ON_SITE\", \"status\": \"RESOLVED\"}")
                .statusCode(400).body("errors[0].field", equalTo("status"));
        Desk.command("desk-agent", id, "remote-resolution", "{}").statusCode(400)
                .body("errors[0].field", equalTo("note"));
        Desk.command("desk-agent", id, "remote-resolution", "{\"note\": \"" + "x".repeat(2001) + "\"}")
                .statusCode(400);
        Desk.command("desk-agent", id, "reopen", "{\"reason\": 12}").statusCode(400);
        Desk.command("desk-agent", UUID.randomUUID().toString(), "remote-resolution", "{\"note\": \"x\"}")
                .statusCode(404).contentType("application/problem+json");
        Desk.command("pilot-manager", id, "cancel", null).statusCode(403);
        Desk.get(id).body("status", equalTo("OPEN")).body("version", equalTo(0));
        assertThat(TestDatabase.number(eventsOfTicket)).isEqualTo(outbox);
    }

    private static String importedHardware(String site, String openedAt) {
        return Desk.open("importer", "{\"employeeId\": \"E-IMP\", \"site\": \"" + site
                + "\", \"category\": \"HARDWARE\", \"summary\": \"Imported\", \"openedAt\": \"" + openedAt + "\"}");
    }

    static List<ConsumerRecord<String, String>> recordsFor(String ticketId) {
        return TopicRecords.readAll("ticket.events").stream().filter(r -> ticketId.equals(r.key())).toList();
    }

    static List<String> typesPublishedFor(String ticketId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TestDatabase.number(
                "select count(*) from outbox_event where published_at is null and record_key = '" + ticketId + "'"))
                .isZero());
        return recordsFor(ticketId).stream().map(r -> TopicRecords.header(r, "ce_type")).toList();
    }
}
