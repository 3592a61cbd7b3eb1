package org.fieldsupport.logistics.shipments;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.fieldsupport.chassis.problem.DomainProblems;

/** An accessory on its way to an employee, and its state transitions; each returns the event it causes. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public Integer escalation;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(nullable = false)
    public String site;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentMethod method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterimArrangement interim;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentStatus status;

    @Column(name = "source_location")
    public String sourceLocation;

    @Column(name = "co2e_kg")
    public Double co2eKg;

    @Column(name = "expected_by")
    public Instant expectedBy;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Version
    public long version;

    ShipmentEvents.Dispatched dispatch(Instant at, Instant expected) {
        status = ShipmentStatus.DISPATCHED;
        dispatchedAt = at;
        expectedBy = expected;
        return new ShipmentEvents.Dispatched(1, id, ticketId, site, itemCode, method, interim, expectedBy, co2eKg, at);
    }

    ShipmentEvents.AwaitingAddress awaitAddress(Instant at) {
        status = ShipmentStatus.AWAITING_ADDRESS;
        return new ShipmentEvents.AwaitingAddress(1, id, ticketId, site, itemCode, at);
    }

    /** The carrier's parcel is moving; no event (the ticket is already SHIPPED). */
    void inTransit() {
        requireUnderway("in transit");
        status = ShipmentStatus.IN_TRANSIT;
    }

    public ShipmentEvents.Delivered deliver(Instant at) {
        requireUnderway("delivered");
        status = ShipmentStatus.DELIVERED;
        deliveredAt = at;
        return new ShipmentEvents.Delivered(1, id, ticketId, site, itemCode, method, co2eKg, at);
    }

    /** Nothing left in stock to send: the desk must act. */
    ShipmentEvents.Failed outOfStock(String reason, Instant at) {
        status = ShipmentStatus.FAILED;
        failureReason = reason;
        return new ShipmentEvents.Failed(1, id, ticketId, site, itemCode, reason, at);
    }

    public ShipmentEvents.Failed fail(String reason, Instant at) {
        requireUnderway("failed");
        status = ShipmentStatus.FAILED;
        failureReason = reason;
        return new ShipmentEvents.Failed(1, id, ticketId, site, itemCode, reason, at);
    }

    public void inLocker() {
        if (method != ShipmentMethod.LOCKER || status != ShipmentStatus.DISPATCHED) {
            throw new DomainProblems.Conflict("illegal-transition",
                    "Only a dispatched LOCKER shipment can be deposited; this one is " + method + " " + status + ".");
        }
        status = ShipmentStatus.IN_LOCKER;
    }

    /** Left in the locker past the pickup code's expiry: back to stock, and the desk must follow up. */
    public ShipmentEvents.Failed expiredInLocker(Instant at) {
        status = ShipmentStatus.RETURNED_TO_STOCK;
        failureReason = "Not collected from the locker before the pickup code expired; back in stock";
        return new ShipmentEvents.Failed(1, id, ticketId, site, itemCode, failureReason, at);
    }

    private void requireUnderway(String next) {
        if (status != ShipmentStatus.DISPATCHED && status != ShipmentStatus.IN_TRANSIT
                && status != ShipmentStatus.IN_LOCKER) {
            throw new DomainProblems.Conflict("illegal-transition",
                    "A shipment that is " + status + " cannot be reported " + next + ".");
        }
    }
}
