package org.fieldsupport.dispatch.scheduling;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** For tests where one transaction holds the planning lock while another waits for it. */
final class LockWaits {

    private LockWaits() {
    }

    /** Advisory locks (the planning lock, dispatch's only one under test) requested and not granted. */
    static long waitingLocks(EntityManager entityManager) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_locks where not granted and locktype = 'advisory'").getSingleResult())
                .longValue());
    }

    /** Inside a transaction that the test lets go on: fails it if the test never does. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the transaction go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
