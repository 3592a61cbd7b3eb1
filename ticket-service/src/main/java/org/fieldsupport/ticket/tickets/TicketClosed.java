package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.UUID;

/** A resolved ticket is closed, by the desk or automatically after the configured delay ({@code automatic}). */
public record TicketClosed(int schemaVersion, UUID ticketId, String site, boolean automatic, Instant occurredAt)
        implements TicketEvent {
}
