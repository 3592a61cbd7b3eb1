package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.ticket.lifecycle.EscalationKind;

/**
 * The desk handed the ticket on: dispatch books a visit (ON_SITE, MEETING_ROOM), logistics ships (SHIPMENT), opens a
 * return (RETURN) or prepares a new hire's kit (ALLOCATION). Carries what they need, never personal data; the desk's
 * note stays in ticket-service. {@code escalation} counts the escalations of this ticket, from 1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketEscalated(int schemaVersion, UUID ticketId, String site, Category category, EscalationKind kind,
        String employeeId, String accessory, String roomId, List<String> assetTags, LocalDate startDate,
        int escalation, Instant occurredAt) implements TicketEvent {
}
