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
        if (PilotTicket.findById(event.ticketId()) != null) {
            return;
        }
        PilotTicket ticket = new PilotTicket();
        ticket.ticketId = event.ticketId();
        ticket.site = event.site();
        ticket.category = event.category();
        ticket.openedAt = event.occurredAt();
        ticket.openedMonth = calendar.monthOf(event.occurredAt()).toString();
        ticket.employeeId = event.employeeId();
        ticket.persist();
    }
}
