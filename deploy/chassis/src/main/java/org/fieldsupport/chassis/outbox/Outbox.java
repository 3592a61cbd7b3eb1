package org.fieldsupport.chassis.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends events to the outbox in the caller's transaction: they are published if and only if the state change
 * that caused them commits. The commit itself wakes the relay, so publication follows within milliseconds.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainEvent event) {
        // A plain insert rather than persisting an OutboxEvent: no generated key to read back and no entity for the
        // session to track until the commit (persisting was a tenth of ticket creation's profile). The query space
        // says what the insert touches, so that Hibernate does not first flush the caller's pending changes.
        entityManager.createNativeQuery("insert into outbox_event (event_id, event_type, record_key, occurred_at, "
                        + "payload, created_at) values (:eventId, :eventType, :recordKey, :occurredAt, :payload, "
                        + ":createdAt)")
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("outbox_event")
                .setParameter("eventId", UUID.randomUUID())
                .setParameter("eventType", event.eventType())
                .setParameter("recordKey", event.recordKey())
                .setParameter("occurredAt", event.occurredAt())
                .setParameter("payload", toJson(event))
                .setParameter("createdAt", clock.instant())
                .executeUpdate();
        wakeRelayAfterCommit();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(Collection<? extends DomainEvent> events) {
        events.forEach(this::append);
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String toJson(DomainEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.eventType(), e);
        }
    }
}
