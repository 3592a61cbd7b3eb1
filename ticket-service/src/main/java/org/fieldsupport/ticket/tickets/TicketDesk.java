package org.fieldsupport.ticket.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.ticket.lifecycle.TicketStatus;
import org.fieldsupport.ticket.sites.KnownSites;
import org.fieldsupport.ticket.sites.Site;

/** The desk's commands on tickets: each one stores the change and its events in one transaction. */
@ApplicationScoped
public class TicketDesk {

    @Inject
    TicketChanges changes;

    @Inject
    Clock clock;

    @Inject
    KnownSites knownSites;

    @ConfigProperty(name = "ticket.accessory-codes")
    Set<String> accessoryCodes;

    @ConfigProperty(name = "ticket.reopen-window-business-days")
    int reopenWindow;

    @ConfigProperty(name = "ticket.auto-close-after-business-days")
    int autoCloseAfter;

    /**
     * Opens a ticket. {@code businessTime} is the importer's timestamp, or null for "now".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(OpenTicketRequest request, Instant businessTime, String actor) {
        if (!knownSites.exists(request.site())) {
            throw new DomainProblems.InvalidInput("Unknown site '" + printable(request.site())
                    + "'; see GET /sites for the known codes.");
        }
        if (request.accessory() != null && !accessoryCodes.contains(request.accessory())) {
            throw new DomainProblems.InvalidInput("Unknown accessory code; expected one of "
                    + String.join(", ", accessoryCodes.stream().sorted().toList()) + ".");
        }
        Instant at = businessTime != null ? businessTime : clock.instant();
        Ticket.Opening opening = Ticket.open(UUID.randomUUID(), new Ticket.NewTicket(request.employeeId(),
                request.site(), request.category(), request.summary(), request.details(), request.accessory(),
                request.roomId(), request.assetTags()), at);
        opening.ticket().persist();
        record(opening.ticket(), opening.event(), actor, "OPENED", request.summary());
        return opening.ticket();
    }

    /** Remote resolution by the desk. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket resolveRemotely(UUID id, DeskCommands.RemoteResolution command, Instant businessTime, String actor) {
        Ticket ticket = find(id);
        Instant at = timeOf(businessTime);
        record(ticket, ticket.resolveRemotely(at), actor, "RESOLVED_REMOTELY", command.note());
        return ticket;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket escalate(UUID id, DeskCommands.Escalation command, Instant businessTime, String actor) {
        Ticket ticket = find(id);
        Instant at = timeOf(businessTime);
        TicketEscalated event = ticket.escalate(command.kind(), command.startDate(), accessoryCodes, at);
        record(ticket, event, actor, "ESCALATED", command.kind()
                + (command.note() == null ? "" : ": " + command.note()));
        return ticket;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket close(UUID id, DeskCommands.Note command, Instant businessTime, String actor) {
        Ticket ticket = find(id);
        record(ticket, ticket.close(false, timeOf(businessTime)), actor, "CLOSED", command.note());
        return ticket;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket cancel(UUID id, DeskCommands.Note command, Instant businessTime, String actor) {
        Ticket ticket = find(id);
        record(ticket, ticket.cancel(timeOf(businessTime)), actor, "CANCELLED", command.note());
        return ticket;
    }

    /** Reopens a ticket resolved within the last {@code ticket.reopen-window-business-days} at its site. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket reopen(UUID id, DeskCommands.Reopening command, Instant businessTime, String actor) {
        Ticket ticket = find(id);
        Instant at = timeOf(businessTime);
        BusinessCalendar calendar = Site.<Site> findById(ticket.siteCode).calendar();
        Instant windowStart = calendar.startOf(calendar.minusBusinessDays(calendar.dateOf(at), reopenWindow));
        record(ticket, ticket.reopen(windowStart, at), actor, "REOPENED", command.reason());
        return ticket;
    }

    /**
     * Closes a resolved ticket whose site's closing delay has passed at {@code now}, as of the instant it passed;
     * false if not due yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean closeIfDue(UUID id, Instant now) {
        Ticket ticket = find(id);
        if (ticket.status != TicketStatus.RESOLVED) {
            return false;
        }
        BusinessCalendar calendar = Site.<Site> findById(ticket.siteCode).calendar();
        LocalDate lastDay = calendar.plusBusinessDays(calendar.dateOf(ticket.resolvedAt), autoCloseAfter);
        Instant due = calendar.startOf(lastDay.plusDays(1));
        if (now.isBefore(due)) {
            return false;
        }
        // The close is dated when the delay ran out, not when the job came by: an imported history closes in its
        // own months, and the same stream replayed later gives the same events.
        record(ticket, ticket.close(true, due), "ticket-service", "CLOSED",
                "Closed automatically " + autoCloseAfter + " business day(s) after resolution");
        return true;
    }

    Ticket find(UUID id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw new DomainProblems.NotFound("No ticket " + id + ".");
        }
        return ticket;
    }

    private Instant timeOf(Instant businessTime) {
        return businessTime != null ? businessTime : clock.instant();
    }

    private void record(Ticket ticket, TicketEvent event, String actor, String kind, String detail) {
        changes.record(ticket, event, event.occurredAt(), actor, kind, detail);
    }

    /** Echoes a caller's value in an error only when it is a plain code, never free text. */
    private static String printable(String value) {
        return value.matches("[A-Za-z0-9_-]{1,40}") ? value : "(not a site code)";
    }
}
