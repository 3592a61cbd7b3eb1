package org.fieldsupport.chassis.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes the outbox to the service's topic, in position order, as CloudEvents in Kafka binary mode.
 *
 * <p>A row is marked published only after the broker acknowledged it ({@code acks=all}, idempotent producer), so a
 * crash at any point leads to a resend, never to a loss; consumers drop the duplicate by its {@code ce_id}. One relay
 * at a time per database holds a transaction-scoped advisory lock, so replicas of a service never publish the same
 * rows concurrently. The relay sleeps until a commit wakes it, with a timer as safety net; while the broker is
 * unreachable it probes with one event at a time, backing off up to {@code outbox.relay.max-backoff}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L; // "outbox"

    @Inject
    @Channel("events-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    TransactionManager transactionManager;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "outbox.relay.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "outbox.relay.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    @ConfigProperty(name = "outbox.relay.send-timeout", defaultValue = "PT45S")
    Duration sendTimeout;

    @ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Counter published;
    private Counter failures;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        published = metrics.counter("outbox.events.published");
        failures = metrics.counter("outbox.publish.failures");
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUps.release();
        // Lets a batch in flight finish, so what the broker acknowledged is also marked in the database.
        worker.join(sendTimeout.toMillis() + 5000);
    }

    /** Called after a transaction that wrote to the outbox has committed. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        boolean probing = false;
        while (running) {
            int limit = probing ? 1 : batchSize;
            try {
                BatchResult result = publishBatch(limit);
                if (result.failed()) {
                    probing = true;
                    backoff = nextBackoff(backoff);
                } else {
                    probing = false;
                    backoff = Duration.ZERO;
                    if (result.published() == limit) {
                        continue;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay could not publish: %s", e.getMessage());
                failures.increment();
                probing = true;
                backoff = nextBackoff(backoff);
            }
            awaitWakeUp(backoff.isZero() ? pollInterval : backoff, backoff.isZero());
        }
    }

    private void awaitWakeUp(Duration timeout, boolean wakeOnCommit) {
        try {
            if (wakeOnCommit) {
                wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } else {
                // Backing off: commits must not turn the back-off into a busy loop against a dead broker.
                Thread.sleep(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
        return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }

    private BatchResult publishBatch(int limit) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) sendTimeout.plusSeconds(30).toSeconds())
                .call(() -> {
                    Boolean locked = (Boolean) entityManager
                            .createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                            .setParameter("key", ADVISORY_LOCK_KEY)
                            .getSingleResult();
                    if (!Boolean.TRUE.equals(locked)) {
                        return new BatchResult(0, false);
                    }
                    List<OutboxEvent> batch = entityManager
                            .createQuery("from OutboxEvent where publishedAt is null order by position",
                                    OutboxEvent.class)
                            .setMaxResults(limit)
                            // Only read here, and marked below in one statement: no snapshot kept to dirty-check.
                            .setHint(HibernateHints.HINT_READ_ONLY, true)
                            .getResultList();
                    return send(batch);
                });
    }

    private BatchResult send(List<OutboxEvent> batch) {
        List<Long> acknowledged = new ArrayList<>(batch.size());
        Instant acknowledgedAt = clock.instant();
        boolean failed;
        // Sent outside the transaction: otherwise context propagation carries it to the producer's thread with each
        // acknowledgement, and a commit that comes while one is still there fails ("commiting with 2 threads
        // active"): the batch rolled back, sent again, and the relay backing off (89 times in one benchmark run).
        Transaction reading = suspend();
        try {
            failed = publish(batch, acknowledged);
        } finally {
            resume(reading);
        }
        if (!acknowledged.isEmpty()) {
            // Native: Hibernate would translate an HQL query bound to a list again at each execution.
            entityManager.createNativeQuery("update outbox_event set published_at = :at where position in (:positions)")
                    .setParameter("at", acknowledgedAt)
                    .setParameter("positions", acknowledged)
                    .executeUpdate();
        }
        published.increment(acknowledged.size());
        if (failed) {
            failures.increment();
        }
        return new BatchResult(acknowledged.size(), failed);
    }

    /** Sends the batch and waits for the broker; fills {@code acknowledged}; true if any was not acknowledged. */
    private boolean publish(List<OutboxEvent> batch, List<Long> acknowledged) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            acks.add(emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage());
        }
        boolean failed = false;
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).position);
            } catch (ExecutionException | TimeoutException e) {
                if (!failed) {
                    LOG.warnf("Broker did not acknowledge event %s: %s", batch.get(i).eventId,
                            e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                }
                failed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
                break;
            }
        }
        return failed;
    }

    private Transaction suspend() {
        try {
            return transactionManager.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("could not set the relay's transaction aside", e);
        }
    }

    private void resume(Transaction transaction) {
        try {
            transactionManager.resume(transaction);
        } catch (InvalidTransactionException | SystemException e) {
            throw new IllegalStateException("could not take the relay's transaction back", e);
        }
    }

    private Message<String> toMessage(OutboxEvent row) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(row.eventId.toString())
                .withType(row.eventType)
                .withSource(URI.create("urn:field-support:" + applicationName))
                .withSubject(row.recordKey)
                .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(row.recordKey)
                .build();
        return Message.of(row.payload).addMetadata(cloudEvent).addMetadata(kafka);
    }

    private record BatchResult(int published, boolean failed) {
    }
}
