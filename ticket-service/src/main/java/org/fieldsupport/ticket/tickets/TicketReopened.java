package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.UUID;

/** A resolved ticket came back within the reopen window: it is OPEN again and counts as the same ticket. */
public record TicketReopened(int schemaVersion, UUID ticketId, String site, Instant occurredAt)
        implements TicketEvent {
}
