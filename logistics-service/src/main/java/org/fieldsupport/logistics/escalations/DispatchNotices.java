package org.fieldsupport.logistics.escalations;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.fieldsupport.chassis.inbox.IncomingEvent;
import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.logistics.returns.Returns;

/**
 * What logistics reads on dispatch.events: a visit for a ticket with an open technician-collected return, completed
 * FIXED or REPLACED, means the technician now holds the returned assets (custody logged).
 */
@ApplicationScoped
public class DispatchNotices {

    /** logistics-service's record of InterventionCompleted: only the fields it uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Completion(UUID ticketId, String technicianId, String outcome, Instant occurredAt) {
    }

    @Inject
    Returns returns;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (!"InterventionCompleted".equals(event.type())) {
            return;
        }
        Completion c = event.dataAs(Completion.class);
        if (c.ticketId() == null) {
            return;
        }
        if (c.technicianId() == null || c.outcome() == null || c.occurredAt() == null) {
            throw new PoisonMessageException("InterventionCompleted " + event.id()
                    + " lacks technicianId, outcome or occurredAt");
        }
        if ("FIXED".equals(c.outcome()) || "REPLACED".equals(c.outcome())) {
            returns.collectedByTechnician(c.ticketId(), c.technicianId(), c.occurredAt());
        }
    }
}
