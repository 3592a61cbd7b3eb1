package org.fieldsupport.logistics.lockers;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** Locker custody events on logistics.events, keyed by ticket when there is one, else by locker bank. */
public final class LockerEvents {

    private LockerEvents() {
    }

    /** An event about one compartment's deposit. */
    public interface LockerEvent extends DomainEvent {
        String lockerId();

        UUID ticketId();

        /** The return the deposit holds, if any: the key when there is no ticket, so a return's events stay in order. */
        default UUID returnId() {
            return null;
        }

        @Override
        default String recordKey() {
            return ticketId() != null ? ticketId().toString() : returnId() != null ? returnId().toString() : lockerId();
        }

        @Override
        default String eventType() {
            return "Locker" + getClass().getSimpleName();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deposited(int schemaVersion, String lockerId, String compartment, String site, UUID ticketId,
            Purpose purpose, UUID shipmentId, UUID returnId, Instant expiresAt, Instant occurredAt)
            implements LockerEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Collected(int schemaVersion, String lockerId, String compartment, String site, UUID ticketId,
            Purpose purpose, UUID shipmentId, UUID returnId, Instant occurredAt) implements LockerEvent {
    }

    /** A pickup was not collected in time: the item went back to the site's stock. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expired(int schemaVersion, String lockerId, String compartment, String site, UUID ticketId,
            Purpose purpose, UUID shipmentId, String itemCode, Instant expiredAt, Instant occurredAt)
            implements LockerEvent {
    }
}
