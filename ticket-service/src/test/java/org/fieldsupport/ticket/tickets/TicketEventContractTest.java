package org.fieldsupport.ticket.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TopicRecords;

/**
 * Producer side of the contract: every event ticket-service really publishes validates against the schema named by
 * its ce_type, every schema has its example and its place in the AsyncAPI document.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class TicketEventContractTest {

    static final Path CONTRACTS = Path.of("src/main/resources/contracts");
    static final Set<String> EVENT_TYPES = Set.of("TicketOpened", "TicketEscalated", "TicketResolved", "TicketClosed",
            "TicketCancelled", "TicketReopened");

    @Test
    void everyPublishedEventMatchesItsSchema() {
        TestSites.ensure();
        String a = Desk.openHardware("STRASBOURG");
        Desk.command("desk-agent", a, "escalation", "{\"kind\": \"ON_SITE\"}").statusCode(202);
        Desk.command("desk-agent", a, "cancel", null).statusCode(200);
        String b = Desk.openHardware("NANCY");
        Desk.command("desk-agent", b, "remote-resolution", "{\"note\": \"ok\"}").statusCode(200);
        Desk.command("desk-agent", b, "reopen", "{\"reason\": \"again\"}").statusCode(200);
        Desk.command("desk-agent", b, "remote-resolution", "{\"note\": \"ok now\"}").statusCode(200);
        Desk.command("desk-agent", b, "close", null).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicRecords.readAll("ticket.events")
                .stream().filter(r -> a.equals(r.key()) || b.equals(r.key()))
                .map(r -> TopicRecords.header(r, "ce_type")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EVENT_TYPES));

        List<ConsumerRecord<String, String>> all = TopicRecords.readAll("ticket.events");
        assertThat(all).isNotEmpty();
        for (ConsumerRecord<String, String> record : all) {
            String type = TopicRecords.header(record, "ce_type");
            if ("RelayProbed".equals(type)) {
                continue;
            }
            assertThat(EVENT_TYPES).as("documented event type").contains(type);
            assertThat(ContractSchemas.violations(
                    ContractSchemas.fromClasspath("contracts/schemas/" + type + ".schema.json"), record.value()))
                    .as(type + " " + record.value()).isEmpty();
        }
    }

    @Test
    void everySchemaHasAValidExampleAndIsInTheAsyncApiDocument() {
        assertThat(ContractSchemas.documentedEventTypes(CONTRACTS)).isEqualTo(EVENT_TYPES);
    }
}
