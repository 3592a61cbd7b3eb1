package org.fieldsupport.ticket.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.fieldsupport.ticket.lifecycle.TicketStatus;

/** Closes resolved tickets once their site's closing delay (in business days) has passed, as of when it passed. */
@ApplicationScoped
public class AutoClose {

    private static final Logger LOG = Logger.getLogger(AutoClose.class);

    @Inject
    TicketDesk desk;

    @Inject
    Clock clock;

    @ConfigProperty(name = "ticket.auto-close-after-business-days")
    int autoCloseAfter;

    @Scheduled(every = "${ticket.auto-close.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDueTickets() {
        int closed = closeDue(clock.instant());
        if (closed > 0) {
            LOG.infof("Closed %d resolved ticket(s) automatically", closed);
        }
    }

    /** Closes every resolved ticket due at {@code now}, each in its own transaction; returns how many. */
    public int closeDue(Instant now) {
        // N business days are at least N calendar days: a cheap filter before the exact check per site.
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager()
                .createQuery("select t.id from Ticket t where t.status = :status and t.resolvedAt < :before",
                        UUID.class)
                .setParameter("status", TicketStatus.RESOLVED)
                .setParameter("before", now.minus(Duration.ofDays(autoCloseAfter)))
                .getResultList());
        int closed = 0;
        for (UUID id : candidates) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> desk.closeIfDue(id, now))) {
                    closed++;
                }
            } catch (RuntimeException e) {
                // A concurrent change (reopened meanwhile): the next run looks at it again.
                LOG.debugf("Ticket %s not closed automatically this time: %s", id, e.getMessage());
            }
        }
        return closed;
    }
}
