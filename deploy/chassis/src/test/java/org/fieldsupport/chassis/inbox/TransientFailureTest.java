package org.fieldsupport.chassis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** Which failures hold the partition and retry, and which send the record to the dead-letter topic. */
class TransientFailureTest {

    @Test
    void aLostConnectionOrAConflictIsRetried() {
        assertThat(Inbox.isTransient(new PersistenceException(new SQLException("connection refused", "08001"))))
                .isTrue();
        assertThat(Inbox.isTransient(new PersistenceException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(Inbox.isTransient(new PersistenceException(new SQLException("shutting down", "57P01"))))
                .isTrue();
        assertThat(Inbox.isTransient(new OptimisticLockException("concurrent update"))).isTrue();
    }

    @Test
    void aPoisonMessageOrAConstraintViolationIsNot() {
        assertThat(Inbox.isTransient(new PoisonMessageException("bad"))).isFalse();
        assertThat(Inbox.isTransient(new PersistenceException(new SQLException("too long", "22001")))).isFalse();
        assertThat(Inbox.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
