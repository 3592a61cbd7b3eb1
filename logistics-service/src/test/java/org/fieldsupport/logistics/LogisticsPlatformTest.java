package org.fieldsupport.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.chassis.outbox.DomainEvent;
import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TopicRecords;

/** The service stands on its own database and the broker, and its outbox publishes to logistics.events. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "logistics_service"))
class LogisticsPlatformTest {

    @Inject
    Outbox outbox;

    record RelayProbed(UUID probeId, Instant occurredAt) implements DomainEvent {
        @Override
        public String eventType() {
            return "RelayProbed";
        }

        @Override
        public String recordKey() {
            return probeId.toString();
        }
    }

    @Test
    void readinessCoversTheDatabaseAndTheKafkaChannel() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void openApiAndMetricsAreServedWithoutAToken() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("logistics-service"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_published"));
    }

    @Test
    void anEventCommittedToTheOutboxReachesTheTopicAsACloudEvent() {
        UUID probe = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(new RelayProbed(probe, Instant.now())));
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(
                () -> TopicRecords.readAll("logistics.events").stream().filter(r -> probe.toString().equals(r.key()))
                        .findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(TopicRecords.header(record, "ce_type")).isEqualTo("RelayProbed");
        assertThat(TopicRecords.header(record, "ce_source")).isEqualTo("urn:field-support:logistics-service");
        assertThat(record.value()).contains(probe.toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestDatabase.number("select count(*) from outbox_event where published_at is null")).isZero());
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
