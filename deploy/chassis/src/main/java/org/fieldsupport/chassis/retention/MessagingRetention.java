package org.fieldsupport.chassis.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the rows of the messaging tables that have done their work, so that they do not grow for ever:
 * <ul>
 * <li>published outbox events, after {@code chassis.retention.published-events} (default 7 days, to see what was
 * sent);</li>
 * <li>inbox records of applied events, after {@code chassis.retention.applied-events} (default 30 days). An event
 * whose record is gone would be applied again if the broker delivered it again, so this must exceed the retention
 * of the topics the service reads (the broker's default is 7 days);</li>
 * <li>the answers kept for an {@code Idempotency-Key}, after {@code chassis.retention.idempotency-keys} (default 1
 * day): a retry after that is a new request.</li>
 * </ul>
 * Every {@code chassis.retention.every} (default 1 hour; {@code off} stops it), in batches of
 * {@value #BATCH} rows, each its own transaction, so that the desk's requests never wait behind a large delete.
 */
@ApplicationScoped
public class MessagingRetention {

    static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(MessagingRetention.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "chassis.retention.published-events", defaultValue = "P7D")
    Duration publishedEvents;

    @ConfigProperty(name = "chassis.retention.applied-events", defaultValue = "P30D")
    Duration appliedEvents;

    @ConfigProperty(name = "chassis.retention.idempotency-keys", defaultValue = "P1D")
    Duration idempotencyKeys;

    /** How many rows of each table one purge deleted. */
    public record Purged(long publishedEvents, long appliedEvents, long idempotencyKeys) {
        long total() {
            return publishedEvents + appliedEvents + idempotencyKeys;
        }
    }

    @Scheduled(every = "${chassis.retention.every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        Purged purged = purge(clock.instant());
        if (purged.total() > 0) {
            LOG.infof("Retention deleted %d published outbox event(s), %d inbox record(s) and %d idempotency "
                    + "record(s)", purged.publishedEvents(), purged.appliedEvents(), purged.idempotencyKeys());
        }
    }

    /** Deletes what is older than its retention at {@code now}. */
    public Purged purge(Instant now) {
        return new Purged(
                deleteInBatches("outbox_event", "published_at < :cutoff", now.minus(publishedEvents)),
                deleteInBatches("inbox_event", "received_at < :cutoff", now.minus(appliedEvents)),
                deleteInBatches("idempotency_record", "created_at < :cutoff", now.minus(idempotencyKeys)));
    }

    private long deleteInBatches(String table, String condition, Instant cutoff) {
        // By physical row address: the tables have no index on these times, and a batch must stay small.
        String delete = "delete from " + table + " where ctid = any(array(select ctid from " + table + " where "
                + condition + " limit " + BATCH + "))";
        long deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(delete)
                    .setParameter("cutoff", cutoff)
                    .executeUpdate());
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
