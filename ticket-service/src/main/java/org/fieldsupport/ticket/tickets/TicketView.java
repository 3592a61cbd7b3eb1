package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A ticket as the desk sees it; the timeline only on the single-ticket view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(UUID id, String employeeId, String site, Category category, String summary, String details,
        String accessory, String roomId, List<String> assetTags, TicketStatus status, Instant openedAt,
        Instant updatedAt, long version, List<TimelineView> timeline) {

    public record TimelineView(Instant at, String actor, String kind, String detail) {
    }

    static TicketView of(Ticket t, List<TimelineEntry> timeline) {
        return new TicketView(t.id, t.employeeId, t.siteCode, t.category, t.summary, t.details, t.accessory,
                t.roomId, List.copyOf(t.assetTags), t.status, t.openedAt, t.updatedAt, t.version,
                timeline == null ? null
                        : timeline.stream().map(e -> new TimelineView(e.at, e.actor, e.kind, e.detail)).toList());
    }

    /** A page of a search, in a stable order. */
    public record Page(List<TicketView> items, int page, int size, long total) {
    }
}
