package org.fieldsupport.logistics.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes the custody log, in the transaction of the change it records. The table refuses updates and deletes (a
 * trigger), so the log can only grow.
 */
@ApplicationScoped
public class CustodyLog {

    /** Where an entry happened and what it belongs to; any part may be null. */
    public record Context(String site, String lockerId, String compartment, UUID returnId, UUID shipmentId,
            UUID ticketId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<String> assets, CustodyAction action, String actor, Context where, Instant at) {
        for (String asset : assets) {
            CustodyEntry entry = new CustodyEntry();
            entry.asset = asset;
            entry.action = action.name();
            entry.actor = actor;
            entry.site = where.site();
            entry.lockerId = where.lockerId();
            entry.compartment = where.compartment();
            entry.returnId = where.returnId();
            entry.shipmentId = where.shipmentId();
            entry.ticketId = where.ticketId();
            entry.at = at;
            entry.persist();
        }
    }
}
