package org.fieldsupport.ticket.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.ticket.sites.Site;

/** The desk's commands on tickets: each one stores the change and its events in one transaction. */
@ApplicationScoped
public class TicketDesk {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @ConfigProperty(name = "ticket.accessory-codes")
    Set<String> accessoryCodes;

    /**
     * Opens a ticket. {@code businessTime} is the importer's timestamp, or null for "now".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(OpenTicketRequest request, Instant businessTime, String actor) {
        if (Site.findById(request.site()) == null) {
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
        TimelineEntry.of(opening.ticket().id, at, actor, "OPENED", request.summary()).persist();
        outbox.append(opening.event());
        return opening.ticket();
    }

    /** Echoes a caller's value in an error only when it is a plain code, never free text. */
    private static String printable(String value) {
        return value.matches("[A-Za-z0-9_-]{1,40}") ? value : "(not a site code)";
    }
}
