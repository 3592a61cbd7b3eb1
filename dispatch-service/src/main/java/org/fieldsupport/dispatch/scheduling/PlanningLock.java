package org.fieldsupport.dispatch.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The one lock behind every change to the technicians' agendas, held until the transaction ends.
 * <p>
 * A booking must not interleave with another on the same technicians. Locking the rows of the site's technicians did
 * that, but a transaction that books for several sites (a consumer's batch of events, an absence that moves visits
 * at two sites) took those row locks in an order set by its events, and two such transactions deadlocked. A single
 * lock, taken by every transaction that changes an agenda before it changes anything, cannot be taken in two orders.
 * Planning is a few milliseconds per visit, so serialising it costs dispatch nothing it needs.
 */
@ApplicationScoped
public class PlanningLock {

    /** The key of the transaction-level advisory lock; dispatch's database holds no other advisory lock. */
    private static final long KEY = 7_411_001L;
    private static final String HELD = PlanningLock.class.getName() + ".held";

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Waits for the lock, then holds it until the transaction commits or rolls back; asked again, returns at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        if (transaction.getResource(HELD) != null) {
            return;
        }
        entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(:key)").setParameter("key", KEY)
                .getSingleResult();
        transaction.putResource(HELD, Boolean.TRUE);
    }
}
