package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.ticket.lifecycle.EscalationKind;
import org.fieldsupport.ticket.lifecycle.TicketStatus;

/** A ticket as the desk sees it; the timeline only on the single-ticket view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(UUID id, String employeeId, String site, Category category, String summary, String details,
        String accessory, String roomId, List<String> assetTags, TicketStatus status, EscalationKind escalationKind,
        LocalDate startDate, Instant openedAt, Instant updatedAt, Instant resolvedAt, Boolean resolvedRemotely,
        String resolution, Instant endedAt, long version, List<TimelineView> timeline) {

    public record TimelineView(Instant at, String actor, String kind, String detail) {
    }

    static TicketView of(Ticket t, List<TimelineEntry> timeline) {
        return new TicketView(t.id, t.employeeId, t.siteCode, t.category, t.summary, t.details, t.accessory,
                t.roomId, List.copyOf(t.assetTags), t.status, t.escalationKind, t.startDate, t.openedAt, t.updatedAt,
                t.resolvedAt, t.resolvedRemotely, t.resolution, t.endedAt, t.version,
                timeline == null ? null
                        : timeline.stream().map(e -> new TimelineView(e.at, e.actor, e.kind, e.detail)).toList());
    }

    /** A page of a search, in a stable order. */
    public record Page(List<TicketView> items, int page, int size, long total) {
    }
}
