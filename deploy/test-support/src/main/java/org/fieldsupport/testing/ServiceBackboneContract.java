package org.fieldsupport.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.fieldsupport.chassis.outbox.DomainEvent;
import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.retention.MessagingRetention;

/**
 * What every service must do on the platform, whatever its features: readiness over its database and its Kafka
 * channels, OpenAPI and metrics open, every error a problem, its outbox published to its own topic as
 * CloudEvents, and its messaging tables kept from growing for ever. Each service runs it through an empty {@code @QuarkusTest} subclass; the service's name and topic come
 * from its own configuration.
 */
public abstract class ServiceBackboneContract {

    @Inject
    Outbox outbox;

    @Inject
    MessagingRetention retention;

    @Inject
    @ConfigProperty(name = "mp.messaging.outgoing.events-out.topic")
    String ownTopic;

    @Inject
    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

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
    void readinessCoversTheDatabaseAndTheKafkaChannels() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void openApiAndMetricsAreServedWithoutAToken() {
        given().get("/q/openapi").then().statusCode(200).body(containsString(serviceName));
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_published"));
    }

    @Test
    void anEventCommittedToTheOutboxReachesTheServicesTopicAsACloudEvent() {
        UUID probe = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(new RelayProbed(probe, Instant.now())));
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(
                () -> TopicRecords.readAll(ownTopic).stream().filter(r -> probe.toString().equals(r.key()))
                        .findFirst().orElse(null),
                Objects::nonNull);
        assertThat(TopicRecords.header(record, "ce_type")).isEqualTo("RelayProbed");
        assertThat(TopicRecords.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicRecords.header(record, "ce_source")).isEqualTo("urn:field-support:" + serviceName);
        assertThat(record.value()).contains(probe.toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestDatabase.number("select count(*) from outbox_event where published_at is null")).isZero());
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRollbackPublishesNothing() {
        UUID probe = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(new RelayProbed(probe, Instant.now()));
            throw new IllegalStateException("the state change fails after its event was written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(TestDatabase.number("select count(*) from outbox_event where record_key = '" + probe + "'"))
                .isZero();
    }

    @Test
    void retentionDeletesOnlyTheMessagingRowsOlderThanTheirRetention() {
        String run = "retention-" + UUID.randomUUID();
        // Published already, so that the relay leaves them alone.
        TestDatabase.execute("insert into outbox_event (event_id, event_type, record_key, occurred_at, payload, "
                + "created_at, published_at) values "
                + "(gen_random_uuid(), 'RetentionProbe', '" + run + "-old', now() - interval '9 days', '{}', "
                + "now() - interval '9 days', now() - interval '8 days'), "
                + "(gen_random_uuid(), 'RetentionProbe', '" + run + "-young', now() - interval '7 days', '{}', "
                + "now() - interval '7 days', now() - interval '6 days')");
        // More old records than one batch deletes.
        TestDatabase.execute("insert into inbox_event (consumer, event_id, event_type, received_at) "
                + "select '" + run + "', 'old-' || n, 'RetentionProbe', now() - interval '31 days' "
                + "from generate_series(1, 5001) n");
        TestDatabase.execute("insert into inbox_event (consumer, event_id, event_type, received_at) "
                + "values ('" + run + "', 'young', 'RetentionProbe', now() - interval '29 days')");
        TestDatabase.execute("insert into idempotency_record (scope, idempotency_key, request_hash, created_at) "
                + "values ('" + run + "', 'old', 'hash', now() - interval '25 hours'), "
                + "('" + run + "', 'young', 'hash', now() - interval '23 hours')");

        MessagingRetention.Purged purged = retention.purge(Instant.now());

        assertThat(purged.publishedEvents()).isPositive();
        assertThat(purged.appliedEvents()).isGreaterThanOrEqualTo(5001);
        assertThat(purged.idempotencyKeys()).isPositive();
        assertThat(TestDatabase.text("select string_agg(record_key, ',') from outbox_event "
                + "where record_key like '" + run + "%'")).isEqualTo(run + "-young");
        assertThat(TestDatabase.text("select string_agg(event_id, ',') from inbox_event where consumer = '" + run
                + "'")).isEqualTo("young");
        assertThat(TestDatabase.text("select string_agg(idempotency_key, ',') from idempotency_record "
                + "where scope = '" + run + "'")).isEqualTo("young");
    }
}
