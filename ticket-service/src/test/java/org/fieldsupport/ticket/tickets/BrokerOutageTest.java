package org.fieldsupport.ticket.tickets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestInfrastructure;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

/** With the broker down, the desk keeps working; the outbox publishes everything once the broker is back. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class BrokerOutageTest {

    @Test
    void ticketsOpenedWhileTheBrokerIsDownArePublishedWhenItIsBack() {
        TestSites.ensure();
        List<String> ids = new ArrayList<>();
        TestInfrastructure.stopBroker();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON)
                        .body("{\"employeeId\": \"E-OUT-" + i + "\", \"site\": \"NANCY\", \"category\": \"HARDWARE\","
                                + " \"summary\": \"During the outage\"}")
                        .post("/tickets")
                        .then().statusCode(201).extract().path("id"));
            }
            assertThat(TestDatabase.number("select count(*) from outbox_event where published_at is null"))
                    .isGreaterThanOrEqualTo(20);
        } finally {
            TestInfrastructure.startBroker();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                TestDatabase.number("select count(*) from outbox_event where published_at is null")).isZero());
        Map<String, List<ConsumerRecord<String, String>>> byTicket = TopicRecords.readAll("ticket.events").stream()
                .filter(r -> ids.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        assertThat(byTicket.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        byTicket.values().forEach(records -> assertThat(records)
                .allSatisfy(r -> assertThat(TopicRecords.header(r, "ce_type")).isEqualTo("TicketOpened")));
    }
}
