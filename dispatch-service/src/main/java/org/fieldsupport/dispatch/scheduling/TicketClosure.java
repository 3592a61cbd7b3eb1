package org.fieldsupport.dispatch.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest closure (cancellation, remote resolution) of a ticket, by business time. */
@Entity
@Table(name = "ticket_closure")
public class TicketClosure extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    static void record(UUID ticketId, String reason, Instant at) {
        TicketClosure closure = findById(ticketId);
        if (closure == null) {
            closure = new TicketClosure();
            closure.ticketId = ticketId;
        } else if (closure.occurredAt.isAfter(at)) {
            return;
        }
        closure.reason = reason;
        closure.occurredAt = at;
        closure.persist();
    }

    /** Closed at or after {@code requestedAt}: a request made before the closure came too late. */
    static boolean closedSince(UUID ticketId, Instant requestedAt) {
        TicketClosure closure = findById(ticketId);
        return closure != null && !closure.occurredAt.isBefore(requestedAt);
    }
}
