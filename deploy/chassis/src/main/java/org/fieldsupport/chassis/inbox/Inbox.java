package org.fieldsupport.chassis.inbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The idempotent consumer. Each event's effect and the record of its {@code ce_id} commit in one transaction, so a
 * redelivered event is a no-op. An event of a type the consumer does not read is checked like any other (a record that
 * is not a CloudEvent with a JSON object is poison, whatever its type) and then acknowledged without a transaction:
 * it has no effect to make idempotent, and most records on a topic are of types a given consumer ignores. A poison message is rethrown as such, for the channel's dead-letter strategy; a
 * transient failure (database unreachable, lock conflict) is retried with back-off, holding the partition, so
 * events of one ticket are never applied out of order.
 * <p>
 * Once the service is stopping (SIGTERM), the inbox applies nothing more: the message in hand, and any after it,
 * fail with {@link RedeliverAfterRestart}, which {@link InboxFailureStrategy} neither dead-letters nor acknowledges,
 * so they are read again after the restart. A failure of a message being handled when the stop began (its
 * transaction cut short by the closing connection pool, its retry interrupted) is treated the same way.
 */
@ApplicationScoped
public class Inbox {

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

    /** Parses the record and, if its type is one of {@code typesRead}, applies {@code handler} once per event id. */
    public void process(ConsumerRecord<String, String> record, Set<String> typesRead, EventHandler handler) {
        IncomingEvent event = IncomingEvent.from(record, objectMapper);
        if (!typesRead.contains(event.type())) {
            metrics.counter("inbox.events", "type", event.type(), "outcome", "unread").increment();
            return;
        }
        long backoffMillis = 100;
        while (true) {
            refuseWhileStopping(event, null);
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(event, handler));
                metrics.counter("inbox.events", "type", event.type(), "outcome", applied ? "applied" : "duplicate")
                        .increment();
                return;
            } catch (RuntimeException e) {
                refuseWhileStopping(event, e);
                if (!isTransient(e)) {
                    metrics.counter("inbox.events", "type", event.type(), "outcome", "rejected").increment();
                    throw e;
                }
                LOG.warnf("Transient failure applying %s %s, retrying in %d ms: %s", event.type(), event.id(),
                        backoffMillis, e.getMessage());
                pause(backoffMillis, event);
                backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
            }
        }
    }

    private boolean applyOnce(IncomingEvent event, EventHandler handler) {
        int claimed = entityManager.createNativeQuery(
                "insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type) "
                        + "on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        handler.apply(event);
        return true;
    }

    /**
     * Failures that may pass by themselves: lost connection, lock or serialization conflicts, server shutdown, and a
     * commit the database did not confirm. The causes and the suppressed exceptions are both searched: when
     * PostgreSQL goes away during the commit, the transaction manager throws a {@code RollbackException} whose SQL
     * error is only a suppressed {@code XAException} (whether the commit happened is then unknown; a retry is safe,
     * as the inbox row makes a second application a no-op).
     */
    static boolean isTransient(Throwable failure) {
        java.util.Deque<Throwable> pending = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        boolean transientFound = false;
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof PoisonMessageException) {
                return false;
            }
            if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException
                    || t instanceof javax.transaction.xa.XAException) {
                transientFound = true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57")) {
                    transientFound = true;
                }
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(java.util.Arrays.asList(t.getSuppressed()));
        }
        return transientFound;
    }

    /**
     * While stopping (or on an interrupted thread), an event is not applied and its failure, whatever it is, is not
     * the event's fault: it is left for redelivery after the restart.
     */
    private static void refuseWhileStopping(IncomingEvent event, RuntimeException failure) {
        if (stopping || Thread.currentThread().isInterrupted() || isInterruption(failure)) {
            if (failure instanceof RedeliverAfterRestart redeliver) {
                throw redeliver;
            }
            throw new RedeliverAfterRestart("Stopping: " + event.type() + " " + event.id()
                    + " left for redelivery after the restart", failure);
        }
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

    private static void pause(long millis, IncomingEvent event) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedeliverAfterRestart("Interrupted while waiting to retry " + event.type() + " " + event.id()
                    + ": left for redelivery after the restart", e);
        }
    }
}
