package org.fieldsupport.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.testing.PlatformTestResource;

/**
 * The inbox's handling of one polled batch, against the real database: what it applies, what it sets aside, what it
 * acknowledges. The batch is built here, so that a refused event is sure to share its batch with good ones (records
 * sent to the broker may or may not be polled together).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class InboxBatchTest {

    private static final Set<String> READ = Set.of("Good", "Refused");

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<Long, String> setAside = new ConcurrentHashMap<>();

    @Test
    void aRefusedEventIsSetAsideAloneAndTheOthersOfItsBatchAreAppliedOnce() throws Exception {
        String good1 = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String unread = UUID.randomUUID().toString();
        String unreadable = UUID.randomUUID().toString();
        String good2 = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> records = List.of(
                record(0, good1, "Good", "{\"n\": 1}"),
                record(1, refused, "Refused", "{\"n\": 2}"),
                record(2, unread, "NotForDispatch", "{\"n\": 3}"),
                record(3, unreadable, "Good", "not JSON {"),
                record(4, good2, "Good", "{\"n\": 5}"));
        List<String> handlerCalls = new CopyOnWriteArrayList<>();

        inbox.process(batch(records), READ, event -> {
            if (event.type().equals("Refused")) {
                throw new PoisonMessageException("refused by the test");
            }
            handlerCalls.add(event.id());
        }).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(setAside).containsOnlyKeys(1L, 3L);
        assertThat(setAside.get(1L)).contains("refused by the test");
        assertThat(setAside.get(3L)).contains("not JSON");
        assertThat(acknowledged).contains(4L);
        assertThat(inboxRecords(good1)).isEqualTo(1);
        assertThat(inboxRecords(good2)).isEqualTo(1);
        assertThat(inboxRecords(refused)).isZero();
        assertThat(inboxRecords(unread)).isZero();
        assertThat(handlerCalls).as("the batch's transaction, rolled back, then one transaction each")
                .containsExactly(good1, good1, good2);
    }

    @Test
    void aBatchRedeliveredAfterItsCommitChangesNothing() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> records = List.of(record(10, first, "Good", "{}"),
                record(11, second, "Good", "{}"), record(12, first, "Good", "{}"));
        List<String> applied = new CopyOnWriteArrayList<>();

        inbox.process(batch(records), READ, event -> applied.add(event.id())).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        inbox.process(batch(records), READ, event -> applied.add(event.id())).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertThat(applied).as("one transaction for the batch; the repeated id and the redelivery are no-ops")
                .containsExactly(first, second);
        assertThat(setAside).isEmpty();
        assertThat(acknowledged).containsExactly(12L, 12L);
    }

    private IncomingKafkaRecordBatch<String, String> batch(List<ConsumerRecord<String, String>> records) {
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acknowledged.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                setAside.put(record.getOffset(), reason.getMessage());
                return Uni.createFrom().voidItem();
            }
        };
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
        byPartition.put(new TopicPartition("ticket.events", 0), new ArrayList<>(records));
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(byPartition), "ticket-events", 0, commits,
                deadLetters, false, false);
    }

    private static ConsumerRecord<String, String> record(long offset, String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("ticket.events", 0, offset, "key-" + id, value);
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source",
                "urn:field-support:test", "ce_time", "2025-10-08T08:00:00Z");
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private long inboxRecords(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
