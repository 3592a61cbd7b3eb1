package org.fieldsupport.logistics.escalations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.fieldsupport.chassis.inbox.IncomingEvent;
import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.logistics.allocations.Allocations;
import org.fieldsupport.logistics.returns.Collection;
import org.fieldsupport.logistics.returns.Returns;
import org.fieldsupport.logistics.shipments.Shipping;

/**
 * What logistics does with ticket-service's events (its own tolerant reading of them): SHIPMENT ships the
 * accessory, RETURN opens a return collected by a technician, ALLOCATION records a new hire's kit to prepare; a
 * cancellation or a remote resolution calls off what has not started yet.
 */
@ApplicationScoped
public class TicketNotices {

    /** logistics-service's record of TicketEscalated: only the fields it uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Escalation(UUID ticketId, String site, String kind, String employeeId, String accessory,
            List<String> assetTags, LocalDate startDate, Integer escalation, Instant occurredAt) {
    }

    /** logistics-service's record of TicketCancelled and TicketResolved. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ending(UUID ticketId, Boolean remote, Instant occurredAt) {
    }

    /** The event types logistics acts on; the inbox acknowledges the others unread. */
    public static final Set<String> TYPES_READ = Set.of("TicketEscalated", "TicketCancelled", "TicketResolved");

    @Inject
    Shipping shipping;

    @Inject
    Returns returns;

    @Inject
    Allocations allocations;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case "TicketEscalated" -> escalated(event);
            case "TicketCancelled" -> callOff(event, true);
            case "TicketResolved" -> callOff(event, false);
            default -> {
            }
        }
    }

    /** A cancelled ticket, or one the desk resolved remotely meanwhile, needs nothing that has not left yet. */
    private void callOff(IncomingEvent event, boolean cancelled) {
        Ending ending = event.dataAs(Ending.class);
        if (ending.ticketId() == null || ending.occurredAt() == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " lacks ticketId or occurredAt");
        }
        if (!cancelled && !Boolean.TRUE.equals(ending.remote())) {
            return;
        }
        shipping.callOff(ending.ticketId());
        returns.callOff(ending.ticketId(), ending.occurredAt());
        allocations.callOff(ending.ticketId());
    }

    private void escalated(IncomingEvent event) {
        Escalation e = event.dataAs(Escalation.class);
        if (e.ticketId() == null || e.site() == null || e.kind() == null || e.employeeId() == null
                || e.occurredAt() == null) {
            throw new PoisonMessageException("TicketEscalated " + event.id()
                    + " lacks ticketId, site, kind, employeeId or occurredAt");
        }
        int escalation = e.escalation() == null ? 1 : e.escalation();
        switch (e.kind()) {
            case "SHIPMENT" -> {
                if (e.accessory() == null) {
                    throw new PoisonMessageException("TicketEscalated " + event.id() + " (SHIPMENT) lacks accessory");
                }
                outbox.appendAll(shipping.open(new Shipping.Order(e.ticketId(), escalation, e.employeeId(),
                        e.site(), e.accessory(), e.occurredAt())).events());
            }
            case "RETURN" -> {
                if (e.assetTags() == null || e.assetTags().isEmpty()) {
                    throw new PoisonMessageException("TicketEscalated " + event.id() + " (RETURN) names no asset");
                }
                outbox.appendAll(returns.open(new Returns.Order(e.ticketId(), escalation, e.employeeId(), e.site(),
                        e.assetTags(), Collection.TECHNICIAN, e.occurredAt())).events());
            }
            case "ALLOCATION" -> {
                if (e.startDate() == null) {
                    throw new PoisonMessageException("TicketEscalated " + event.id() + " (ALLOCATION) lacks startDate");
                }
                allocations.request(e.ticketId(), escalation, e.employeeId(), e.site(), e.startDate(),
                        e.occurredAt());
            }
            default -> {
            }
        }
    }
}
