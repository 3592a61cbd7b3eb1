package org.fieldsupport.survey.pilot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.survey.reports.PilotData;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

/** survey-service counts the tickets it reads on ticket.events, once each, whatever arrives twice or broken. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class PilotKpiFromTicketEventsTest {

    /** The publisher's own example, read from its contract files: survey-service depends on no other code. */
    static final Path PRODUCER_EXAMPLE = Path.of("../ticket-service/src/main/resources/contracts/examples/TicketOpened.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PilotData data;

    @Test
    void theProducersExampleIsReadByOurOwnRecord() throws Exception {
        TicketOpened event = JSON.findAndRegisterModules()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(Files.readString(PRODUCER_EXAMPLE), TicketOpened.class);
        assertThat(event.isComplete()).isTrue();
        assertThat(event.site()).isEqualTo("STRASBOURG");
    }

    @Test
    void eachTicketOpenedIsCountedOnceInItsSiteAndMonth() throws Exception {
        long novemberBefore = tickets("DIJON", "2025-11");
        long decemberBefore = tickets("DIJON", "2025-12");
        String ticketId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // 23:30 UTC on 30 November is already 1 December in Paris: months follow the pilot's time zone.
        String payload = example(ticketId, "DIJON", "2025-11-30T23:30:00Z");

        publish(eventId, ticketId, payload);
        publish(eventId, ticketId, payload);
        // A marker on the same partition (same record key): once it is counted, the redelivery before it was read.
        String novemberTicket = UUID.randomUUID().toString();
        String marker = example(novemberTicket, "DIJON", "2025-11-03T08:00:00Z");
        TopicRecords.send("ticket.events", ticketId, marker, TopicRecords.cloudEventHeaders(
                UUID.randomUUID().toString(), "TicketOpened", "urn:field-support:ticket-service", novemberTicket,
                "2025-11-03T08:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tickets("DIJON", "2025-11"))
                .isEqualTo(novemberBefore + 1));
        // The redelivered event was read before the marker, and counted once.
        assertThat(tickets("DIJON", "2025-12")).isEqualTo(decemberBefore + 1);
    }

    @Test
    void aTicketOpenedAgainUnderAnotherEventIdKeepsItsFirstRecord() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        ObjectNode first = (ObjectNode) JSON.readTree(example(ticketId, "NANCY", "2025-10-07T09:00:00Z"));
        first.put("employeeId", "E-FIRST");
        ObjectNode again = first.deepCopy().put("employeeId", "E-AGAIN");
        String againId = UUID.randomUUID().toString();

        publish(UUID.randomUUID().toString(), ticketId, JSON.writeValueAsString(first));
        publish(againId, ticketId, JSON.writeValueAsString(again));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.number(
                "select count(*) from inbox_event where event_id = '" + againId + "'")).isEqualTo(1));
        assertThat(TestDatabase.text("select string_agg(employee_id, ',') from pilot_ticket where ticket_id = '"
                + ticketId + "'")).isEqualTo("E-FIRST");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        TopicRecords.send("ticket.events", "poison", "{not json", TopicRecords.cloudEventHeaders(poisonId,
                "TicketOpened", "urn:field-support:ticket-service", "poison", "2025-10-06T09:00:00Z"));
        String missingFields = UUID.randomUUID().toString();
        TopicRecords.send("ticket.events", "incomplete", "{\"schemaVersion\": 1}", TopicRecords.cloudEventHeaders(
                missingFields, "TicketOpened", "urn:field-support:ticket-service", "incomplete",
                "2025-10-06T09:00:00Z"));
        long before = tickets("NANCY", "2025-10");
        String ticketId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), ticketId, example(ticketId, "NANCY", "2025-10-06T09:01:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tickets("NANCY", "2025-10"))
                .isEqualTo(before + 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = TopicRecords.readAll("ticket.events.survey-service.dlq");
            assertThat(dead).extracting(r -> TopicRecords.header(r, "ce_id")).contains(poisonId, missingFields);
            ConsumerRecord<String, String> poison = dead.stream()
                    .filter(r -> poisonId.equals(TopicRecords.header(r, "ce_id"))).findFirst().orElseThrow();
            assertThat(TopicRecords.header(poison, "dead-letter-reason")).contains("not JSON");
        });
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theWholePilotSumsItsMonths() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        long before = given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", "STRASBOURG")
                .get("/pilot/kpis").then().statusCode(200)
                .body("fromMonth", equalTo("2025-10")).body("toMonth", equalTo("2025-12"))
                .extract().<Integer> path("sites[0].tickets");
        publish(UUID.randomUUID().toString(), ticketId, example(ticketId, "STRASBOURG", "2025-12-15T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", "STRASBOURG")
                .get("/pilot/kpis").then().statusCode(200).body("sites[0].tickets", equalTo((int) before + 1)));
    }

    @Test
    void aPeriodOfMonthsOutsideThePilotIsReadFromTo() throws Exception {
        String site = "PERIOD" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT)
                .replace('-', 'X');
        for (String at : new String[] { "2024-01-15T10:00:00Z", "2024-06-03T09:00:00Z", "2025-01-06T09:00:00Z" }) {
            String ticketId = UUID.randomUUID().toString();
            publish(UUID.randomUUID().toString(), ticketId, example(ticketId, site, at));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", site)
                .queryParam("from", "2024-01").queryParam("to", "2024-12").get("/pilot/kpis").then().statusCode(200)
                .body("fromMonth", equalTo("2024-01")).body("toMonth", equalTo("2024-12"))
                .body("sites[0].tickets", equalTo(2)));
        // The three tickets have different keys, so they may be read in any order: the 2025 one may come last.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tickets(site, "2025-01")).isEqualTo(1));
        for (String[] bad : new String[][] { { "from", "2024-01" }, { "to", "2024-12" } }) {
            given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam(bad[0], bad[1])
                    .get("/pilot/kpis").then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("from", "2024-12")
                .queryParam("to", "2024-01").get("/pilot/kpis").then().statusCode(400);
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("from", "2020-01")
                .queryParam("to", "2024-01").get("/pilot/kpis").then().statusCode(400);
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("month", "2024-01")
                .queryParam("from", "2024-01").queryParam("to", "2024-02").get("/pilot/kpis").then().statusCode(400);
    }

    @Test
    void aSitesFiguresAreComputedFromThatSitesFactsAlone() throws Exception {
        String nancyTicket = UUID.randomUUID().toString();
        String dijonTicket = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), nancyTicket, example(nancyTicket, "NANCY", "2025-10-08T09:00:00Z"));
        publish(UUID.randomUUID().toString(), dijonTicket, example(dijonTicket, "DIJON", "2025-10-08T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.number(
                "select count(*) from pilot_fact where ticket_id in ('" + nancyTicket + "', '" + dijonTicket + "')"))
                .isEqualTo(2));

        List<PilotEvent> nancy = data.read("NANCY").events();

        assertThat(nancy).extracting(PilotEvent::site).containsOnly("NANCY");
        assertThat(nancy).extracting(PilotEvent::ticketId)
                .contains(UUID.fromString(nancyTicket)).doesNotContain(UUID.fromString(dijonTicket));
    }

    @Test
    void kpisNeedThePilotManagerRoleAndAWellFormedMonth() {
        given().get("/pilot/kpis").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("desk-agent")).get("/pilot/kpis")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("month", "2025-13")
                .get("/pilot/kpis").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("month", "October")
                .get("/pilot/kpis").then().statusCode(400).contentType("application/problem+json");
    }

    static String example(String ticketId, String site, String occurredAt) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(PRODUCER_EXAMPLE));
        event.put("ticketId", ticketId);
        event.put("site", site);
        event.put("occurredAt", occurredAt);
        return JSON.writeValueAsString(event);
    }

    static void publish(String eventId, String ticketId, String payload) throws Exception {
        String occurredAt = JSON.readTree(payload).get("occurredAt").asText();
        TopicRecords.send("ticket.events", ticketId, payload, TopicRecords.cloudEventHeaders(eventId, "TicketOpened",
                "urn:field-support:ticket-service", ticketId, occurredAt));
    }

    static long tickets(String site, String month) {
        return given().auth().oauth2(TestTokens.forRole("pilot-manager"))
                .queryParam("site", site).queryParam("month", month)
                .get("/pilot/kpis")
                .then().statusCode(200)
                .extract().<Integer> path("sites[0].tickets");
    }
}
