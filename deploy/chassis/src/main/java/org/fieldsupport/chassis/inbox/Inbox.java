package org.fieldsupport.chassis.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import org.fieldsupport.chassis.persistence.TransientFailures;

/**
 * The idempotent consumer. Each event's effect and the record of its {@code ce_id} commit in the same transaction, so
 * a redelivered event is a no-op. An event of a type the consumer does not read is checked like any other (a record
 * that is not a CloudEvent with a JSON object is poison, whatever its type) and then acknowledged without a
 * transaction: it has no effect to make idempotent, and most records on a topic are of types a given consumer ignores.
 * <p>
 * Records come in the batches the Kafka consumer polls (at most {@code max.poll.records}), and the events of a batch
 * are applied in one transaction: under load a consumer pays one commit for many events instead of one each. When an
 * event of the batch is refused (a poison message), the batch's transaction is rolled back and its events are applied
 * again one transaction each, so that only the refused one is set aside, through the channel's dead-letter strategy.
 * A transient failure (database unreachable, lock conflict) is retried with back-off, holding the partitions, so the
 * events of one ticket are never applied out of order.
 * <p>
 * Once the service is stopping (SIGTERM), the inbox applies nothing more: the batch in hand fails with
 * {@link RedeliverAfterRestart}, which {@link InboxFailureStrategy} neither dead-letters nor acknowledges, so it is
 * read again after the restart. A failure of a batch being handled when the stop began (its transaction cut short by
 * the closing connection pool, its retry interrupted) is treated the same way.
 */
@ApplicationScoped
public class Inbox {

    /**
     * The worker pool every consumer runs its batches on ({@code @Blocking(value = Inbox.WORKERS, ordered = true)}),
     * sized by {@code smallrye.messaging.worker.inbox.max-concurrency}: threads of their own, so that a batch never
     * waits in the queue of the pool that serves HTTP requests, which under a burst holds seconds of requests.
     */
    public static final String WORKERS = "inbox";

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    @ConfigProperty(name = "inbox.max-backoff", defaultValue = "PT5S")
    Duration maxBackoff;

    /** Set when the JVM or the application begins to stop; never cleared (a restart is a new process). */
    private static volatile boolean stopping;

    /** True once the service has begun to stop: no event is applied any more. */
    public static boolean stopping() {
        return stopping;
    }

    /** The JVM's shutdown hooks run together with Quarkus's own: this one marks the stop as early as possible. */
    void registerStopHook(@Observes StartupEvent started) {
        stopping = false;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "inbox-stop-marker"));
    }

    /** The first observer of the application's stop (also where no JVM shutdown hook runs, as in tests). */
    void markStopping(@Observes @Priority(1) ShutdownEvent stop) {
        stopping = true;
    }

    /**
     * Applies, once per event id, the events of {@code batch} whose type is one of {@code typesRead}, and acknowledges
     * the batch; refused records go to the dead-letter topic. The returned stage completes when every record is
     * acknowledged or set aside.
     */
    public CompletionStage<Void> process(KafkaRecordBatch<String, String> batch, Set<String> typesRead,
            EventHandler handler) {
        List<CompletionStage<Void>> setAside = new ArrayList<>();
        try {
            List<Received> toApply = new ArrayList<>();
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                IncomingEvent event;
                try {
                    event = IncomingEvent.from(consumerRecord(record), objectMapper);
                } catch (RuntimeException unreadable) {
                    metrics.counter("inbox.events", "type", "unreadable", "outcome", "rejected").increment();
                    setAside.add(record.nack(unreadable));
                    continue;
                }
                if (typesRead.contains(event.type())) {
                    toApply.add(new Received(record, event));
                } else {
                    metrics.counter("inbox.events", "type", event.type(), "outcome", "unread").increment();
                }
            }
            if (!toApply.isEmpty()) {
                applyTogether(toApply, handler, setAside);
            }
        } catch (RedeliverAfterRestart stoppingNow) {
            return batch.nack(stoppingNow);
        }
        return CompletableFuture.allOf(setAside.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(setAsideDone -> batch.ack());
    }

    /** A record of the batch and the event read from it. */
    private record Received(KafkaRecord<String, String> record, IncomingEvent event) {
    }

    private void applyTogether(List<Received> received, EventHandler handler, List<CompletionStage<Void>> setAside) {
        List<IncomingEvent> events = received.stream().map(Received::event).toList();
        try {
            applyWithRetry(events, handler);
            return;
        } catch (RedeliverAfterRestart stoppingNow) {
            throw stoppingNow;
        } catch (RuntimeException refused) {
            if (received.size() == 1) {
                setAside.add(received.get(0).record().nack(refused));
                return;
            }
            LOG.infof("A batch of %d events was refused (%s): applying them one by one to set aside only the "
                    + "refused one", received.size(), refused.getMessage());
        }
        for (Received one : received) {
            try {
                applyWithRetry(List.of(one.event()), handler);
            } catch (RedeliverAfterRestart stoppingNow) {
                throw stoppingNow;
            } catch (RuntimeException refused) {
                setAside.add(one.record().nack(refused));
            }
        }
    }

    /** Applies the events in one transaction, retrying while the failure is transient. */
    private void applyWithRetry(List<IncomingEvent> events, EventHandler handler) {
        long backoffMillis = 100;
        while (true) {
            refuseWhileStopping(events, null);
            try {
                List<Boolean> applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(events, handler));
                for (int i = 0; i < events.size(); i++) {
                    metrics.counter("inbox.events", "type", events.get(i).type(), "outcome",
                            applied.get(i) ? "applied" : "duplicate").increment();
                }
                return;
            } catch (RuntimeException e) {
                refuseWhileStopping(events, e);
                if (!TransientFailures.isTransient(e)) {
                    if (events.size() == 1) {
                        metrics.counter("inbox.events", "type", events.get(0).type(), "outcome", "rejected")
                                .increment();
                    }
                    throw e;
                }
                LOG.warnf("Transient failure applying %d event(s) from %s %s, retrying in %d ms: %s", events.size(),
                        events.get(0).type(), events.get(0).id(), backoffMillis, e.getMessage());
                pause(backoffMillis, events);
                backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
            }
        }
    }

    private List<Boolean> applyOnce(List<IncomingEvent> events, EventHandler handler) {
        Set<String> firstSeen = record(events);
        List<Boolean> applied = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            // remove: a second copy of an event in the same batch is a duplicate too.
            boolean apply = firstSeen.remove(event.id());
            if (apply) {
                handler.apply(event);
            }
            applied.add(apply);
            if (events.size() > 1) {
                // Each event's changes are written now and forgotten by the session: otherwise every query of the
                // next events would first dirty-check all the entities the batch has loaded so far.
                entityManager.flush();
                entityManager.clear();
            }
        }
        return applied;
    }

    /**
     * Records the ids of the events, in one statement for the whole batch rather than one each, and returns those
     * that were not recorded before.
     */
    private Set<String> record(List<IncomingEvent> events) {
        String[] ids = events.stream().map(IncomingEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(IncomingEvent::type).toArray(String[]::new);
        List<?> recorded = entityManager.createNativeQuery(
                "insert into inbox_event (consumer, event_id, event_type) "
                        + "select :consumer, received.id, received.type "
                        + "from unnest(cast(:ids as text[]), cast(:types as text[])) as received (id, type) "
                        + "on conflict do nothing returning event_id", String.class)
                .setParameter("consumer", consumer)
                .setParameter("ids", ids)
                .setParameter("types", types)
                .getResultList();
        Set<String> firstSeen = new HashSet<>();
        recorded.forEach(id -> firstSeen.add((String) id));
        return firstSeen;
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("Not a record read from Kafka: " + record));
    }

    /**
     * While stopping (or on an interrupted thread), an event is not applied and its failure, whatever it is, is not
     * the event's fault: it is left for redelivery after the restart.
     */
    private static void refuseWhileStopping(List<IncomingEvent> events, RuntimeException failure) {
        if (stopping || Thread.currentThread().isInterrupted() || isInterruption(failure)) {
            if (failure instanceof RedeliverAfterRestart redeliver) {
                throw redeliver;
            }
            throw new RedeliverAfterRestart("Stopping: " + describe(events)
                    + " left for redelivery after the restart", failure);
        }
    }

    private static String describe(List<IncomingEvent> events) {
        IncomingEvent first = events.get(0);
        return events.size() == 1 ? first.type() + " " + first.id()
                : events.size() + " events from " + first.type() + " " + first.id();
    }

    private static boolean isInterruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis, List<IncomingEvent> events) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedeliverAfterRestart("Interrupted while waiting to retry " + describe(events)
                    + ": left for redelivery after the restart", e);
        }
    }
}
