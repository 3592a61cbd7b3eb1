package org.fieldsupport.logistics.lockers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.chassis.outbox.DomainEvent;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.logistics.catalogue.Stock;
import org.fieldsupport.logistics.custody.CustodyAction;
import org.fieldsupport.logistics.custody.CustodyLog;
import org.fieldsupport.logistics.returns.Collection;
import org.fieldsupport.logistics.returns.ReturnRequest;
import org.fieldsupport.logistics.returns.Returns;
import org.fieldsupport.logistics.shipments.Shipment;
import org.fieldsupport.logistics.shipments.Shipping;

/**
 * Locker banks: deposits, collections and expiry. Deposits in one bank are serialised by locking its compartments,
 * and the database allows one live deposit per compartment. Every deposit and collection is in the custody log.
 * Runs in the caller's transaction and returns the events it causes.
 */
@ApplicationScoped
public class Lockers {

    @Inject
    CustodyLog custody;

    @Inject
    Returns returns;

    @Inject
    Stock stock;

    @ConfigProperty(name = "logistics.lockers.pickup-validity")
    Duration pickupValidity;

    /** A deposit made for a pickup: the code is shown here once and stored only hashed. */
    public record PickupDeposit(LockerDeposit deposit, String pickupCode, List<DomainEvent> events) {
    }

    /** Defines a bank's compartments; compartments already known stay (they may hold something). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void defineBank(String lockerId, String site, List<String> compartments) {
        List<LockerCompartment> existing = LockerCompartment.list("lockerId", lockerId);
        if (existing.stream().anyMatch(c -> !c.site.equals(site))) {
            throw new DomainProblems.Conflict("locker-site", "Locker " + lockerId + " belongs to another site.");
        }
        Set<String> known = existing.stream().map(c -> c.compartment).collect(Collectors.toSet());
        for (String label : compartments) {
            if (!known.contains(label)) {
                LockerCompartment compartment = new LockerCompartment();
                compartment.lockerId = lockerId;
                compartment.compartment = label;
                compartment.site = site;
                compartment.persist();
            }
        }
    }

    /** Logistics or the on-site technician puts a LOCKER shipment's accessory in a free compartment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PickupDeposit depositForPickup(String lockerId, UUID shipmentId, String actor, Instant at) {
        Shipment shipment = Shipping.lock(shipmentId);
        String compartment = freeCompartment(lockerId, shipment.site);
        shipment.inLocker();
        LockerDeposit deposit = newDeposit(lockerId, compartment, shipment.site, Purpose.PICKUP, at);
        deposit.ticketId = shipment.ticketId;
        deposit.shipmentId = shipment.id;
        deposit.contents = shipment.itemCode;
        String code = PickupCodes.newCode();
        deposit.codeHash = PickupCodes.hash(deposit.id, code);
        deposit.expiresAt = at.plus(pickupValidity);
        deposit.persist();
        custody.record(List.of(shipment.itemCode), CustodyAction.DEPOSITED_IN_LOCKER, actor, context(deposit), at);
        return new PickupDeposit(deposit, code, List.of(new LockerEvents.Deposited(1, lockerId, compartment,
                deposit.site, deposit.ticketId, Purpose.PICKUP, shipment.id, null, deposit.expiresAt, at)));
    }

    /** The locker controller reports an employee's return deposited in a compartment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> returnDeposited(String lockerId, String compartment, UUID returnId, Instant at) {
        ReturnRequest request = Returns.lock(returnId);
        if (request.collection != Collection.LOCKER) {
            throw new DomainProblems.Conflict("not-a-locker-return", "This return is collected by a technician.");
        }
        List<LockerCompartment> bank = lockBank(lockerId);
        LockerCompartment target = bank.stream().filter(c -> c.compartment.equals(compartment)).findFirst()
                .orElseThrow(() -> new DomainProblems.NotFound("No compartment " + compartment + " in locker "
                        + lockerId + "."));
        if (!target.site.equals(request.site)) {
            throw new DomainProblems.RuleViolation("wrong-site", "This locker is not at the return's site.");
        }
        LockerDeposit current = live(lockerId, compartment);
        if (current != null && returnId.equals(current.returnId)) {
            return List.of();
        }
        if (current != null) {
            throw new DomainProblems.Conflict("compartment-occupied", "Compartment " + compartment + " is in use.");
        }
        returns.depositedInLocker(returnId, lockerId, compartment, at);
        LockerDeposit deposit = newDeposit(lockerId, compartment, request.site, Purpose.RETURN, at);
        deposit.ticketId = request.ticketId;
        deposit.returnId = request.id;
        deposit.contents = String.join(",", request.assets().stream().map(a -> a.asset).toList());
        deposit.persist();
        return List.of(new LockerEvents.Deposited(1, lockerId, compartment, request.site, request.ticketId,
                Purpose.RETURN, null, request.id, null, at));
    }

    /**
     * The locker controller reports a compartment emptied: by the employee with the pickup code (PICKUP), or by
     * logistics staff (RETURN). A repeat of a collection already recorded at that time changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> collected(String lockerId, String compartment, String code, String actor, Instant at) {
        lockBank(lockerId);
        LockerDeposit deposit = live(lockerId, compartment);
        if (deposit == null) {
            LockerDeposit last = LockerDeposit.find("lockerId = ?1 and compartment = ?2 order by depositedAt desc",
                    lockerId, compartment).firstResult();
            if (last != null && last.status == DepositStatus.COLLECTED && at.equals(last.closedAt)) {
                return List.of();
            }
            throw new DomainProblems.Conflict("compartment-empty", "Compartment " + compartment + " of locker "
                    + lockerId + " holds nothing to collect.");
        }
        List<DomainEvent> events = new ArrayList<>();
        if (deposit.purpose == Purpose.PICKUP) {
            if (!PickupCodes.matches(deposit.id, code, deposit.codeHash) || !at.isBefore(deposit.expiresAt)) {
                throw new DomainProblems.RuleViolation("invalid-pickup-code",
                        "The pickup code is wrong, already used or expired.");
            }
            Shipment shipment = Shipping.lock(deposit.shipmentId);
            events.add(shipment.deliver(at));
            custody.record(List.of(deposit.contents), CustodyAction.COLLECTED_FROM_LOCKER,
                    "employee:" + shipment.employeeId, context(deposit), at);
        } else {
            if (actor == null) {
                throw new DomainProblems.InvalidInput("A return is collected by named logistics staff (actor).");
            }
            returns.collectedFromLocker(deposit.returnId, lockerId, compartment, "logistics:" + actor, at);
        }
        deposit.status = DepositStatus.COLLECTED;
        deposit.closedAt = at;
        deposit.codeHash = null;
        events.add(0, new LockerEvents.Collected(1, lockerId, compartment, deposit.site, deposit.ticketId,
                deposit.purpose, deposit.shipmentId, deposit.returnId, at));
        return events;
    }

    /**
     * Pickups left past their expiry go back to the stock they came from: custody logged, {@code LockerExpired},
     * and {@code ShipmentFailed} so the desk follows up with the employee.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> expire(Instant now) {
        List<LockerDeposit> due = LockerDeposit.find("status = ?1 and purpose = ?2 and expiresAt <= ?3",
                DepositStatus.IN_LOCKER, Purpose.PICKUP, now).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<DomainEvent> events = new ArrayList<>();
        for (LockerDeposit deposit : due) {
            deposit.status = DepositStatus.EXPIRED;
            deposit.closedAt = now;
            deposit.codeHash = null;
            Shipment shipment = Shipping.lock(deposit.shipmentId);
            stock.putBack(shipment.sourceLocation, shipment.itemCode);
            custody.record(List.of(deposit.contents), CustodyAction.EXPIRED_BACK_TO_STOCK, "system:locker-expiry",
                    context(deposit), now);
            events.add(new LockerEvents.Expired(1, deposit.lockerId, deposit.compartment, deposit.site,
                    deposit.ticketId, Purpose.PICKUP, shipment.id, shipment.itemCode, deposit.expiresAt, now));
            events.add(shipment.expiredInLocker(now));
        }
        return events;
    }

    private String freeCompartment(String lockerId, String site) {
        List<LockerCompartment> bank = lockBank(lockerId);
        if (!bank.get(0).site.equals(site)) {
            throw new DomainProblems.RuleViolation("wrong-site", "Locker " + lockerId + " is not at site " + site
                    + ".");
        }
        Set<String> used = LockerDeposit.<LockerDeposit> list("lockerId = ?1 and status = ?2", lockerId,
                DepositStatus.IN_LOCKER).stream().map(d -> d.compartment).collect(Collectors.toSet());
        return bank.stream().map(c -> c.compartment).filter(c -> !used.contains(c)).sorted().findFirst()
                .orElseThrow(() -> new DomainProblems.Conflict("locker-full", "Every compartment of locker "
                        + lockerId + " is in use."));
    }

    private static List<LockerCompartment> lockBank(String lockerId) {
        List<LockerCompartment> bank = LockerCompartment.find("lockerId = ?1 order by compartment", lockerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (bank.isEmpty()) {
            throw new DomainProblems.NotFound("No locker " + lockerId + ".");
        }
        return bank;
    }

    private static LockerDeposit live(String lockerId, String compartment) {
        return LockerDeposit.find("lockerId = ?1 and compartment = ?2 and status = ?3", lockerId, compartment,
                DepositStatus.IN_LOCKER).firstResult();
    }

    private static LockerDeposit newDeposit(String lockerId, String compartment, String site, Purpose purpose,
            Instant at) {
        LockerDeposit deposit = new LockerDeposit();
        deposit.id = UUID.randomUUID();
        deposit.lockerId = lockerId;
        deposit.compartment = compartment;
        deposit.site = site;
        deposit.purpose = purpose;
        deposit.status = DepositStatus.IN_LOCKER;
        deposit.depositedAt = at;
        return deposit;
    }

    private static CustodyLog.Context context(LockerDeposit deposit) {
        return new CustodyLog.Context(deposit.site, deposit.lockerId, deposit.compartment, deposit.returnId,
                deposit.shipmentId, deposit.ticketId);
    }
}
