package org.fieldsupport.ticket.tickets;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.outbox.Outbox;

/** Writes what happened to a ticket: its timeline line and, when the change causes one, its event. */
@ApplicationScoped
public class TicketChanges {

    @Inject
    Outbox outbox;

    /**
     * Records a change in the caller's transaction and flushes, so that a concurrent update of the same ticket
     * fails here (optimistic lock on its version) rather than being lost.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Ticket ticket, TicketEvent event, Instant at, String actor, String kind, String detail) {
        TimelineEntry.of(ticket.id, at, actor, kind, detail).persist();
        if (event != null) {
            outbox.append(event);
        }
        Ticket.getEntityManager().flush();
    }
}
