package org.fieldsupport.ticket.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.inbox.IncomingEvent;
import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.ticket.lifecycle.Progress;
import org.fieldsupport.ticket.tickets.Ticket;
import org.fieldsupport.ticket.tickets.TicketChanges;

/** Applies a dispatch or logistics event to the ticket it concerns, and writes it in the ticket's timeline. */
@ApplicationScoped
public class TicketProgressTracker {

    private static final String SOURCE_PREFIX = "urn:field-support:";

    @Inject
    TicketChanges changes;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        ProgressReport report = event.dataAs(ProgressReport.class);
        if (report.ticketId() == null) {
            return;
        }
        if (report.occurredAt() == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " has no occurredAt");
        }
        Ticket ticket = Ticket.findById(report.ticketId());
        if (ticket == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " concerns unknown ticket "
                    + report.ticketId());
        }
        var meaning = ProgressRules.meaningOf(event.type(), report, ticket.escalationKind);
        if (meaning.isEmpty()) {
            return;
        }
        Progress progress = meaning.get();
        Ticket.ProgressOutcome outcome = ticket.applyProgress(progress, report.occurredAt());
        String detail = outcome.whyNot() == null ? progress.detail()
                : progress.detail() + " (not applied: " + outcome.whyNot() + ")";
        changes.record(ticket, outcome.event(), report.occurredAt(), sourceOf(event), progress.kind(), detail);
    }

    private static String sourceOf(IncomingEvent event) {
        String source = event.source();
        return source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
    }
}
