package org.fieldsupport.chassis.persistence;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.fieldsupport.chassis.inbox.PoisonMessageException;

/** The database failures worth trying again: the inbox retries them, the REST side answers 503 with Retry-After. */
public final class TransientFailures {

    private TransientFailures() {
    }

    /**
     * Failures that may pass by themselves: lost connection, lock or serialization conflicts, server shutdown, and a
     * commit the database did not confirm. The causes and the suppressed exceptions are both searched: when
     * PostgreSQL goes away during the commit, the transaction manager throws a {@code RollbackException} whose SQL
     * error is only a suppressed {@code XAException} (whether the commit happened is then unknown; a retry is safe:
     * an event's inbox row, a request's {@code Idempotency-Key}, make a second application a no-op). An event refused
     * for its content ({@link PoisonMessageException}) is never transient, whatever it carries.
     */
    public static boolean isTransient(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
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
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return transientFound;
    }
}
