package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.UUID;

/**
 * The ticket is resolved: remotely by the desk ({@code remote: true}), or by what dispatch or logistics reported
 * ({@code remote: false}; {@code resolution} says how: ON_SITE, DELIVERED, RETURNED, ALLOCATED).
 */
public record TicketResolved(int schemaVersion, UUID ticketId, String site, Category category, boolean remote,
        String resolution, Instant occurredAt) implements TicketEvent {
}
