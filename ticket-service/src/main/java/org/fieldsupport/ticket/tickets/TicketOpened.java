package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ticket was opened by the desk. Schema: {@code contracts/schemas/TicketOpened.schema.json}. Carries the
 * pseudonymous employee id only: the summary and details are free text and stay in ticket-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketOpened(int schemaVersion, UUID ticketId, String site, Category category, String employeeId,
        String accessory, String roomId, List<String> assetTags, Instant occurredAt) implements TicketEvent {
}
