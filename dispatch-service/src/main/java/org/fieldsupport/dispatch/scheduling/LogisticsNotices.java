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

/** What dispatch does with logistics-service's events: a return to collect books a technician's visit. */
@ApplicationScoped
public class LogisticsNotices {

    /** dispatch-service's record of ReturnRequested: only the fields it uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReturnNotice(UUID returnId, UUID ticketId, String site, String collection, Instant occurredAt) {
    }

    /** The one event type dispatch acts on; the inbox acknowledges the others unread. */
    public static final Set<String> TYPES_READ = Set.of("ReturnRequested");

    @Inject
    Booking booking;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        ReturnNotice notice = event.dataAs(ReturnNotice.class);
        if (notice.returnId() == null || notice.site() == null || notice.occurredAt() == null) {
            throw new PoisonMessageException("ReturnRequested " + event.id() + " lacks returnId, site or occurredAt");
        }
        // A locker deposit needs no visit: the employee brings the assets.
        if ("TECHNICIAN".equals(notice.collection())) {
            booking.book(Booking.VisitRequest.collection(notice.returnId(), notice.ticketId(), notice.site(),
                    notice.occurredAt()));
        }
    }
}
