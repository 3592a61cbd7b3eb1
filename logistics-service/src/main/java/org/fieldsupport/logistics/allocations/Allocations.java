package org.fieldsupport.logistics.allocations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.outbox.DomainEvent;
import org.fieldsupport.chassis.problem.DomainProblems;

/** New-hire allocations: requested by the desk's escalation, prepared by logistics for the start date. */
@ApplicationScoped
public class Allocations {

    /** Records the request once per escalation; nothing is published until the kit is prepared. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID ticketId, int escalation, String employeeId, String site, LocalDate startDate,
            Instant at) {
        if (Allocation.count("ticketId = ?1 and escalation = ?2", ticketId, escalation) > 0) {
            return;
        }
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.ticketId = ticketId;
        allocation.escalation = escalation;
        allocation.employeeId = employeeId;
        allocation.site = site;
        allocation.startDate = startDate;
        allocation.status = AllocationStatus.REQUESTED;
        allocation.requestedAt = at;
        allocation.persist();
    }

    /** The ticket was cancelled before the kit was prepared. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callOff(UUID ticketId) {
        Allocation.<Allocation> find("ticketId = ?1 and status = ?2", ticketId, AllocationStatus.REQUESTED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(a -> a.status = AllocationStatus.CANCELLED);
    }

    /** The kit is ready; preparing it again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> prepared(UUID allocationId, List<String> assets, Instant at) {
        Allocation allocation = Allocation.findById(allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (allocation == null) {
            throw new DomainProblems.NotFound("No allocation " + allocationId + ".");
        }
        if (allocation.status == AllocationStatus.PREPARED) {
            return List.of();
        }
        if (allocation.status == AllocationStatus.CANCELLED) {
            throw new DomainProblems.Conflict("cancelled", "This allocation's ticket was cancelled.");
        }
        allocation.status = AllocationStatus.PREPARED;
        allocation.assets = String.join(",", assets);
        allocation.preparedAt = at;
        return List.of(new AllocationPrepared(1, allocation.id, allocation.ticketId, allocation.site,
                allocation.startDate, assets, at));
    }
}
