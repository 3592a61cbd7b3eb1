package org.fieldsupport.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.survey.invitations.Invitations;
import org.fieldsupport.survey.pilot.PilotEvent;
import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TopicRecords;

/**
 * Both sides of the contracts. Producer: every event survey-service published during the tests validates against
 * the schema named by its ce_type, and every schema has a valid example and its place in the AsyncAPI document.
 * Consumer: every publisher's example of an event the pilot reads is read by survey-service's own record.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class SurveyEventContractTest {

    static final Path CONTRACTS = Path.of("src/main/resources/contracts");
    static final Set<String> EVENT_TYPES = Set.of("SurveyInvitationIssued", "SurveyReminderDue", "SurveyAnswered");
    static final Map<String, String> READ = Map.ofEntries(Map.entry("TicketOpened", "ticket.events"),
            Map.entry("TicketEscalated", "ticket.events"), Map.entry("TicketResolved", "ticket.events"),
            Map.entry("TicketReopened", "ticket.events"), Map.entry("TicketClosed", "ticket.events"),
            Map.entry("TicketCancelled", "ticket.events"), Map.entry("InterventionScheduled", "dispatch.events"),
            Map.entry("InterventionRescheduled", "dispatch.events"), Map.entry("InterventionAtRisk", "dispatch.events"),
            Map.entry("InterventionStarted", "dispatch.events"), Map.entry("InterventionCompleted", "dispatch.events"),
            Map.entry("InterventionCancelled", "dispatch.events"), Map.entry("ShipmentDispatched", "logistics.events"),
            Map.entry("ShipmentDelivered", "logistics.events"), Map.entry("ShipmentFailed", "logistics.events"),
            Map.entry("ReturnRequested", "logistics.events"), Map.entry("ReturnReceived", "logistics.events"),
            Map.entry("AllocationPrepared", "logistics.events"), Map.entry("LockerDeposited", "logistics.events"),
            Map.entry("LockerCollected", "logistics.events"));

    @Inject
    Invitations invitations;

    @Test
    void everyPublishedEventMatchesItsSchema() {
        // This test's own invitation, reminder and answer, so that every type is published at least once.
        String site = PlatformEvents.freshSite("CONTRACT");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofHours(3));
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(1)));
        PlatformEvents.interventionCompleted(ticket, site, completedAt);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            invitations.issueDue(Instant.now());
            assertThat(PlatformEvents.published(ticket.toString(), "SurveyInvitationIssued")).hasSize(1);
        });
        invitations.sendReminders(Instant.now().plus(Duration.ofDays(6)));
        given().contentType("application/json").body("{\"rating\": 4}")
                .post("/surveys/" + PlatformEvents.tokenOf(ticket)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicRecords.readAll("survey.events")
                .stream().filter(r -> ticket.toString().equals(r.key())).map(r -> TopicRecords.header(r, "ce_type"))
                .collect(Collectors.toSet())).isEqualTo(EVENT_TYPES));

        for (ConsumerRecord<String, String> record : TopicRecords.readAll("survey.events")) {
            String type = TopicRecords.header(record, "ce_type");
            if ("RelayProbed".equals(type)) {
                continue;
            }
            assertThat(EVENT_TYPES).as("documented event type").contains(type);
            assertThat(TopicRecords.header(record, "ce_source")).isEqualTo("urn:field-support:survey-service");
            assertThat(ContractSchemas.violations(
                    ContractSchemas.fromClasspath("contracts/schemas/" + type + ".schema.json"), record.value()))
                    .as(type + " " + record.value()).isEmpty();
        }
    }

    @Test
    void everySchemaHasAValidExampleAndIsInTheAsyncApiDocument() throws IOException {
        String asyncApi = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
        try (Stream<Path> schemas = Files.list(CONTRACTS.resolve("schemas"))) {
            Set<String> documented = schemas.map(p -> p.getFileName().toString().replace(".schema.json", ""))
                    .collect(Collectors.toSet());
            assertThat(documented).isEqualTo(EVENT_TYPES);
            for (String type : documented) {
                String example = Files.readString(CONTRACTS.resolve("examples/" + type + ".json"));
                assertThat(ContractSchemas.violations(ContractSchemas.fromFile(
                        CONTRACTS.resolve("schemas/" + type + ".schema.json")), example)).as(type).isEmpty();
                assertThat(asyncApi).contains("$ref: '#/components/messages/" + type + "'")
                        .contains("schemas/" + type + ".schema.json");
            }
        }
        String incomplete = "{\"schemaVersion\": 1, \"invitationId\": \"0e5f2d7c-3b1a-4f6e-9d8c-7b6a5f4e3d2c\", "
                + "\"kind\": \"INTERVENTION\", \"site\": \"NANCY\", \"rating\": 5, \"ratings\": [5], "
                + "\"satisfied\": true, \"commented\": false, \"occurredAt\": \"2025-10-08T18:41:00Z\"}";
        assertThat(ContractSchemas.violations(ContractSchemas.fromFile(
                CONTRACTS.resolve("schemas/SurveyAnswered.schema.json")), incomplete)).as("ticketId required").isNotEmpty();
    }

    @Test
    void thePublishersExamplesAreReadByOurOwnRecord() throws IOException {
        ObjectMapper strict = new ObjectMapper().findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (Map.Entry<String, String> read : READ.entrySet()) {
            Path example = PlatformEvents.example(read.getValue(), read.getKey());
            assertThat(example).as(read.getKey() + " example of its publisher").exists();
            PilotEvent event = strict.readValue(Files.readString(example), PilotEvent.class);
            assertThat(event.site()).as(read.getKey()).isNotNull();
            assertThat(event.occurredAt()).as(read.getKey()).isNotNull();
        }
    }
}
