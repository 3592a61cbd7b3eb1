package org.fieldsupport.chassis.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldsupport.chassis.persistence.TransientFailures.isTransient;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.inbox.PoisonMessageException;

/** Which failures hold the partition and retry, and which send the record to the dead-letter topic. */
class TransientFailuresTest {

    @Test
    void aLostConnectionOrAConflictIsRetried() {
        assertThat(isTransient(new PersistenceException(new SQLException("connection refused", "08001"))))
                .isTrue();
        assertThat(isTransient(new PersistenceException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(isTransient(new PersistenceException(new SQLException("shutting down", "57P01"))))
                .isTrue();
        assertThat(isTransient(new OptimisticLockException("concurrent update"))).isTrue();
    }

    @Test
    void aCommitCutShortByADatabaseRestartIsRetried() {
        // What Narayana throws when PostgreSQL terminates the connection during the commit: the SQL error is only a
        // suppressed XAException of the RollbackException (seen in the fault suite: the event was dead-lettered).
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException(
                "Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertThat(isTransient(new IllegalStateException(rollback))).isTrue();
    }

    @Test
    void aPoisonMessageOrAConstraintViolationIsNot() {
        assertThat(isTransient(new PoisonMessageException("bad"))).isFalse();
        assertThat(isTransient(new PersistenceException(new SQLException("too long", "22001")))).isFalse();
        assertThat(isTransient(new IllegalStateException("bug"))).isFalse();
        RuntimeException poison = new PoisonMessageException("bad");
        poison.addSuppressed(new SQLException("connection lost", "08006"));
        assertThat(isTransient(poison)).isFalse();
    }
}
