package org.fieldsupport.logistics.escalations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * What logistics does with ticket-service's escalations (its own tolerant reading of them): SHIPMENT ships the
 * accessory, RETURN opens a return collected by a technician, ALLOCATION records a new hire's kit to prepare.
 */
@ApplicationScoped
public class TicketNotices {

    /** logistics-service's record of TicketEscalated: only the fields it uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Escalation(UUID ticketId, String site, String kind, String employeeId, String accessory,
            List<String> assetTags, LocalDate startDate, Integer escalation, Instant occurredAt) {
    }

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
        if (!"TicketEscalated".equals(event.type())) {
            return;
        }
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
