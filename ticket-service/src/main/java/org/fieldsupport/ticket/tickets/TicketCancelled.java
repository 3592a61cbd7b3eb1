package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.UUID;

import org.fieldsupport.ticket.lifecycle.TicketStatus;

/** The ticket was cancelled while open; {@code previousStatus} tells dispatch or logistics what to call off. */
public record TicketCancelled(int schemaVersion, UUID ticketId, String site, TicketStatus previousStatus,
        Instant occurredAt) implements TicketEvent {
}
