package org.fieldsupport.dispatch.scheduling;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.fieldsupport.chassis.inbox.IncomingEvent;
import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.dispatch.interventions.InterventionKind;

/** What dispatch does with ticket-service's events (its own tolerant reading of them). */
@ApplicationScoped
public class TicketNotices {

    /** dispatch-service's record of the ticket events it reads: only the fields it uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TicketNotice(UUID ticketId, String site, String kind, Boolean remote, Instant occurredAt) {
    }

    /** The event types dispatch acts on; the inbox acknowledges the others unread. */
    public static final Set<String> TYPES_READ = Set.of("TicketEscalated", "TicketCancelled", "TicketResolved");

    @Inject
    Booking booking;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case "TicketEscalated" -> {
                TicketNotice notice = required(event);
                if ("ON_SITE".equals(notice.kind()) || "MEETING_ROOM".equals(notice.kind())) {
                    booking.book(Booking.VisitRequest.forTicket(notice.ticketId(), notice.site(),
                            InterventionKind.valueOf(notice.kind()), notice.occurredAt()));
                }
            }
            case "TicketCancelled" -> {
                TicketNotice notice = required(event);
                booking.callOff(notice.ticketId(), "TICKET_CANCELLED", notice.occurredAt());
            }
            case "TicketResolved" -> {
                TicketNotice notice = required(event);
                if (Boolean.TRUE.equals(notice.remote())) {
                    booking.callOff(notice.ticketId(), "RESOLVED_REMOTELY", notice.occurredAt());
                }
            }
            default -> {
            }
        }
    }

    private static TicketNotice required(IncomingEvent event) {
        TicketNotice notice = event.dataAs(TicketNotice.class);
        if (notice.ticketId() == null || notice.site() == null || notice.occurredAt() == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " lacks ticketId, site or occurredAt");
        }
        return notice;
    }
}
