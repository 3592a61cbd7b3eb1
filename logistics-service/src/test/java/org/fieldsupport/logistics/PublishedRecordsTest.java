package org.fieldsupport.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TopicRecords;

/**
 * Runs after every other test class of the module: reads every record logistics-service published during the run and
 * finds no address, e-mail or name. The markers are the personal data the other tests recorded.
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
