package org.fieldsupport.logistics.escalations;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.fieldsupport.chassis.inbox.IncomingEvent;
import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.logistics.returns.Returns;

/**
 * What logistics reads on dispatch.events: a COLLECTION visit for a return, completed FIXED or REPLACED, means the
 * technician now holds the returned assets (custody logged). Other visits are not about returns.
 */
@ApplicationScoped
public class DispatchNotices {

    /** logistics-service's record of InterventionCompleted: only the fields it uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Completion(UUID ticketId, UUID returnId, String kind, String technicianId, String outcome,
            Instant occurredAt) {
    }

    /** The one event type logistics acts on; the inbox acknowledges the others unread. */
    public static final Set<String> TYPES_READ = Set.of("InterventionCompleted");

    @Inject
    Returns returns;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        Completion c = event.dataAs(Completion.class);
        if (!"COLLECTION".equals(c.kind())) {
            return;
        }
        if (c.returnId() == null) {
            throw new PoisonMessageException("InterventionCompleted " + event.id()
                    + " is a collection without returnId");
        }
        if (c.technicianId() == null || c.outcome() == null || c.occurredAt() == null) {
            throw new PoisonMessageException("InterventionCompleted " + event.id()
                    + " lacks technicianId, outcome or occurredAt");
        }
        if ("FIXED".equals(c.outcome()) || "REPLACED".equals(c.outcome())) {
            returns.collectedByTechnician(c.returnId(), c.technicianId(), c.occurredAt());
        }
    }
}
