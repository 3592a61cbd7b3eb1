package org.fieldsupport.survey.pilot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.inbox.PoisonMessageException;

/** Keeps survey-service's record of the tickets, by event time; applying the same ticket twice changes nothing. */
@ApplicationScoped
public class PilotProjection {

    @Inject
    PilotCalendar calendar;

    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketOpened(TicketOpened event) {
        if (!event.isComplete()) {
            throw new PoisonMessageException("TicketOpened without ticketId, site, category or occurredAt");
        }
        // One statement, where a look-up then an insert took two: every ticket opened passes here.
        PilotTicket.getEntityManager().createNativeQuery("insert into pilot_ticket (ticket_id, site, category, "
                        + "opened_at, opened_month, employee_id) values (:ticketId, :site, :category, :openedAt, "
                        + ":openedMonth, :employeeId) on conflict (ticket_id) do nothing")
                .setParameter("ticketId", event.ticketId())
                .setParameter("site", event.site())
                .setParameter("category", event.category())
                .setParameter("openedAt", event.occurredAt())
                .setParameter("openedMonth", calendar.monthOf(event.occurredAt()).toString())
                .setParameter("employeeId", event.employeeId())
                .executeUpdate();
    }
}
