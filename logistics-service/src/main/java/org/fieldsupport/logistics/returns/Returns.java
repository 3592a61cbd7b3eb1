package org.fieldsupport.logistics.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.outbox.DomainEvent;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.logistics.custody.CustodyAction;
import org.fieldsupport.logistics.custody.CustodyLog;

/**
 * Returns from request to stock: each asset's custody is logged at every hand, and {@code ReturnReceived} follows
 * when the last asset is received. Runs in the caller's transaction and returns the events it causes.
 */
@ApplicationScoped
public class Returns {

    @Inject
    CustodyLog custody;

    /** A return to open; {@code escalation} is null for the employee's form. */
    public record Order(UUID ticketId, Integer escalation, String employeeId, String site, List<String> assets,
            Collection collection, Instant at) {
    }

    /** The return an order opened (empty if this escalation already has one) and the events. */
    public record Opened(Optional<ReturnRequest> request, List<DomainEvent> events) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Opened open(Order order) {
        if (order.escalation() != null && ReturnRequest.count("ticketId = ?1 and escalation = ?2", order.ticketId(),
                order.escalation()) > 0) {
            return new Opened(Optional.empty(), List.of());
        }
        List<String> assets = List.copyOf(new LinkedHashSet<>(order.assets()));
        if (assets.isEmpty()) {
            throw new DomainProblems.InvalidInput("A return names at least one asset (tag or serial number).");
        }
        ReturnRequest request = new ReturnRequest();
        request.id = UUID.randomUUID();
        request.ticketId = order.ticketId();
        request.escalation = order.escalation();
        request.employeeId = order.employeeId();
        request.site = order.site();
        request.collection = order.collection();
        request.status = ReturnStatus.REQUESTED;
        request.requestedAt = order.at();
        request.persist();
        for (String tag : assets) {
            ReturnedAsset asset = new ReturnedAsset();
            asset.returnId = request.id;
            asset.asset = tag;
            asset.persist();
        }
        custody.record(assets, CustodyAction.RETURN_REQUESTED, "employee:" + order.employeeId(), context(request),
                order.at());
        return new Opened(Optional.of(request), List.of(new ReturnEvents.Requested(1, request.id, request.ticketId,
                request.site, assets, request.collection, order.at())));
    }

    /** The technician's collection visit for the return completed: the technician now holds its assets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collectedByTechnician(UUID returnId, String technicianId, Instant at) {
        List<ReturnRequest> open = ReturnRequest.find("id = ?1 and collection = ?2 and status = ?3", returnId,
                Collection.TECHNICIAN, ReturnStatus.REQUESTED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (ReturnRequest request : open) {
            request.status = ReturnStatus.COLLECTED;
            custody.record(tags(request), CustodyAction.COLLECTED_BY_TECHNICIAN, "technician:" + technicianId,
                    context(request), at);
        }
    }

    /** The ticket was cancelled: its returns whose assets are still with the employee are called off. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callOff(UUID ticketId, Instant at) {
        List<ReturnRequest> open = ReturnRequest.find("ticketId = ?1 and status = ?2", ticketId,
                ReturnStatus.REQUESTED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (ReturnRequest request : open) {
            request.status = ReturnStatus.CANCELLED;
            custody.record(tags(request), CustodyAction.RETURN_CANCELLED, "desk", context(request), at);
        }
    }

    /** The employee deposited the return in a locker compartment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReturnRequest depositedInLocker(UUID returnId, String lockerId, String compartment, Instant at) {
        ReturnRequest request = lock(returnId);
        if (request.status != ReturnStatus.REQUESTED) {
            throw new DomainProblems.Conflict("illegal-transition", "This return is already " + request.status + ".");
        }
        request.status = ReturnStatus.IN_LOCKER;
        custody.record(tags(request), CustodyAction.DEPOSITED_IN_LOCKER, "employee:" + request.employeeId,
                new CustodyLog.Context(request.site, lockerId, compartment, request.id, null, request.ticketId), at);
        return request;
    }

    /** Logistics took the return out of the locker. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collectedFromLocker(UUID returnId, String lockerId, String compartment, String actor, Instant at) {
        ReturnRequest request = lock(returnId);
        request.status = ReturnStatus.COLLECTED;
        custody.record(tags(request), CustodyAction.COLLECTED_FROM_LOCKER, actor,
                new CustodyLog.Context(request.site, lockerId, compartment, request.id, null, request.ticketId), at);
    }

    /**
     * One asset is received in stock with its condition. Receiving it again with the same condition changes nothing;
     * the last asset received publishes {@code ReturnReceived}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> receive(UUID returnId, String tag, Condition condition, String actor, Instant at) {
        ReturnRequest request = lock(returnId);
        ReturnedAsset asset = ReturnedAsset.findById(new ReturnedAsset.Key(returnId, tag));
        if (asset == null) {
            throw new DomainProblems.InvalidInput("Asset " + tag + " is not part of this return.");
        }
        if (asset.condition != null) {
            if (asset.condition != condition) {
                throw new DomainProblems.Conflict("already-received",
                        "Asset " + tag + " was already received as " + asset.condition + ".");
            }
            return List.of();
        }
        asset.condition = condition;
        asset.receivedAt = at;
        custody.record(List.of(tag), CustodyAction.RECEIVED_IN_STOCK, actor, context(request), at);
        List<ReturnedAsset> all = request.assets();
        if (all.stream().anyMatch(a -> a.condition == null)) {
            return List.of();
        }
        request.status = ReturnStatus.RECEIVED;
        request.receivedAt = at;
        List<ReturnEvents.AssetCondition> received = new ArrayList<>();
        all.forEach(a -> received.add(new ReturnEvents.AssetCondition(a.asset, a.condition)));
        return List.of(new ReturnEvents.Received(1, request.id, request.ticketId, request.site, received, at));
    }

    public static ReturnRequest lock(UUID returnId) {
        ReturnRequest request = ReturnRequest.findById(returnId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new DomainProblems.NotFound("No return " + returnId + ".");
        }
        return request;
    }

    private static List<String> tags(ReturnRequest request) {
        return request.assets().stream().map(a -> a.asset).toList();
    }

    private static CustodyLog.Context context(ReturnRequest request) {
        return new CustodyLog.Context(request.site, null, null, request.id, null, request.ticketId);
    }
}
