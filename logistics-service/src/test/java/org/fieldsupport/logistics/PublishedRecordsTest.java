package org.fieldsupport.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TopicRecords;

/**
 * Runs after every other test class of the module and reads every record logistics-service published during the run:
 * each is a documented event that matches its schema, every documented event was published, and none carries an
 * address, an e-mail or a name (the markers are the personal data the other tests recorded).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "logistics_service"))
@WithTestResource(value = WebhookSecretTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(Integer.MAX_VALUE)
class PublishedRecordsTest {

    /** Names, streets and cities the tests put in delivery addresses (and a return form tried to smuggle). */
    static final List<String> PERSONAL = List.of("Camille", "Testeur", "Dominique", "Alex Essai", "Sam Essai",
            "Lou Essai", "Noa Essai", "Eli Essai", "Ana Essai", "Jo Essai", "Morgane", "Confidentielle", "Yves", "Cache", "rue des Essais",
            "place du Test", "avenue du Test", "chemin du Test", "impasse du Test", "rue du Test", "quai du Test",
            "allee Privee", "rue Discrete", "rue Secrete", "recipientName", "line1", "postalCode");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    static final Path CONTRACTS = Path.of("src/main/resources/contracts");
    static final Set<String> EVENT_TYPES = Set.of("ShipmentDispatched", "ShipmentAwaitingAddress",
            "ShipmentDelivered", "ShipmentFailed", "ReturnRequested", "ReturnReceived", "AllocationPrepared",
            "LockerDeposited", "LockerCollected", "LockerExpired", "StockLow");

    @Test
    void everyRecordPublishedIsADocumentedEventMatchingItsSchema() {
        Set<String> seen = new TreeSet<>();
        for (ConsumerRecord<String, String> record : TopicRecords.readAll("logistics.events")) {
            String type = TopicRecords.header(record, "ce_type");
            if ("RelayProbed".equals(type)) {
                continue;
            }
            assertThat(EVENT_TYPES).as("documented event type").contains(type);
            assertThat(ContractSchemas.violations(ContractSchemas.fromFile(CONTRACTS.resolve("schemas/" + type
                    + ".schema.json")), record.value())).as(type + " " + record.value()).isEmpty();
            seen.add(type);
        }
        assertThat(seen).as("the flow tests exercised every event").isEqualTo(new TreeSet<>(EVENT_TYPES));
    }

    @Test
    void everySchemaHasAValidExampleAndIsInTheAsyncApiDocument() throws IOException {
        String asyncApi = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
        try (Stream<Path> schemas = Files.list(CONTRACTS.resolve("schemas"))) {
            assertThat(schemas.map(p -> p.getFileName().toString().replace(".schema.json", ""))
                    .collect(Collectors.toSet())).isEqualTo(EVENT_TYPES);
        }
        for (String type : EVENT_TYPES) {
            String example = Files.readString(CONTRACTS.resolve("examples/" + type + ".json"));
            assertThat(ContractSchemas.violations(ContractSchemas.fromFile(CONTRACTS.resolve("schemas/" + type
                    + ".schema.json")), example)).as(type).isEmpty();
            assertThat(asyncApi).contains("./schemas/" + type + ".schema.json", "./examples/" + type + ".json",
                    "- $ref: '#/channels/events/messages/" + type + "'");
        }
    }

    @Test
    void nothingPublishedCarriesAnAddressAnEmailOrAName() {
        List<ConsumerRecord<String, String>> published = TopicRecords.readAll("logistics.events");
        assertThat(published).as("the other test classes ran first and published").hasSizeGreaterThan(20);
        for (ConsumerRecord<String, String> record : published) {
            StringBuilder text = new StringBuilder(record.value() == null ? "" : record.value())
                    .append(' ').append(record.key());
            record.headers().forEach(h -> text.append(' ').append(h.key()).append('=')
                    .append(h.value() == null ? "" : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
            String all = text.toString();
            for (String marker : PERSONAL) {
                assertThat(all).as("record " + record.key() + " " + TopicRecords.header(record, "ce_type"))
                        .doesNotContainIgnoringCase(marker);
            }
            assertThat(EMAIL.matcher(all).find()).as("an e-mail address in " + all).isFalse();
        }
    }
}
