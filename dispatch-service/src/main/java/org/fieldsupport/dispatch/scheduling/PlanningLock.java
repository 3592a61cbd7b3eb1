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
 * <p>
 * The database takes it too, before any statement that changes what bookings plan with (migration V3), so a change
 * made without this class (a visit completed, a policy changed, another replica) still waits for it.
 */
@ApplicationScoped
public class PlanningLock {

    private static final String HELD = PlanningLock.class.getName() + ".held";

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * What the holder sees: the transaction that last changed the planning data ({@code changedBy}; this one's own id
     * once it has changed some) and this transaction's id ({@code takenBy}).
     */
    public record Holding(long changedBy, long takenBy) {
    }

    /** Waits for the lock, then holds it until the transaction commits or rolls back; asked again, returns at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        if (!isHeld()) {
            take();
        }
    }

    /** Whether this transaction has taken the lock through this class. */
    boolean isHeld() {
        return transaction.getResource(HELD) != null;
    }

    /**
     * Takes the lock if this transaction does not hold it yet, and says what the planning data look like now, this
     * transaction's own changes included.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Holding take() {
        Object[] row = (Object[]) entityManager.createNativeQuery(isHeld()
                ? "select changed_by, txid_current() from planning_state"
                : "select changed_by, taken_by from take_planning_lock()").getSingleResult();
        transaction.putResource(HELD, Boolean.TRUE);
        return new Holding(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
