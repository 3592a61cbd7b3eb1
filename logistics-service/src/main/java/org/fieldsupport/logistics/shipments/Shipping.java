package org.fieldsupport.logistics.shipments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.chassis.outbox.DomainEvent;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.logistics.addresses.DeliveryAddress;
import org.fieldsupport.logistics.catalogue.CatalogueItem;
import org.fieldsupport.logistics.catalogue.ParcelSize;
import org.fieldsupport.logistics.catalogue.SiteProfile;
import org.fieldsupport.logistics.catalogue.Stock;
import org.fieldsupport.logistics.lockers.LockerCompartment;

/**
 * Opens shipments and follows them to delivery. Every method runs in the caller's transaction and returns the
 * events the change causes; the caller appends them to the outbox.
 */
@ApplicationScoped
public class Shipping {

    public static final String OUT_OF_STOCK = "Out of stock: no unit left to send";

    @Inject
    Stock stock;

    @ConfigProperty(name = "logistics.co2e.kg-per-parcel.small")
    double co2eSmall;

    @ConfigProperty(name = "logistics.co2e.kg-per-parcel.medium")
    double co2eMedium;

    @ConfigProperty(name = "logistics.co2e.kg-per-parcel.large")
    double co2eLarge;

    @ConfigProperty(name = "logistics.co2e.express-factor")
    double expressFactor;

    @ConfigProperty(name = "logistics.lead-time.standard-parcel")
    Duration standardLeadTime;

    @ConfigProperty(name = "logistics.lead-time.express-parcel")
    Duration expressLeadTime;

    @ConfigProperty(name = "logistics.lead-time.oss-handover")
    Duration handoverLeadTime;

    @ConfigProperty(name = "logistics.lead-time.locker")
    Duration lockerLeadTime;

    /** An accessory to send to an employee; {@code escalation} is null for an order placed directly. */
    public record Order(UUID ticketId, Integer escalation, String employeeId, String site, String accessory,
            Instant at) {
    }

    /** The shipment an order opened (empty if this escalation already has one) and the events it caused. */
    public record Opened(Optional<Shipment> shipment, List<DomainEvent> events) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Opened open(Order order) {
        if (order.escalation() != null && Shipment.count("ticketId = ?1 and escalation = ?2", order.ticketId(),
                order.escalation()) > 0) {
            return new Opened(Optional.empty(), List.of());
        }
        CatalogueItem item = CatalogueItem.findById(order.accessory());
        if (item == null) {
            throw new DomainProblems.InvalidInput("Unknown accessory " + order.accessory() + ".");
        }
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.ticketId = order.ticketId();
        shipment.escalation = order.escalation();
        shipment.employeeId = order.employeeId();
        shipment.site = order.site();
        shipment.itemCode = item.code;
        shipment.interim = FulfilmentRules.interimFor(item.blocksWork);
        shipment.requestedAt = order.at();

        List<DomainEvent> events = new ArrayList<>();
        FulfilmentRules.SiteOptions options = new FulfilmentRules.SiteOptions(
                LockerCompartment.anyFreeAt(order.site()), SiteProfile.hasOssHandover(order.site()));
        List<ShipmentMethod> preferences = FulfilmentRules.preferences(item.blocksWork, options);
        Optional<Stock.Reservation> reservation = Optional.empty();
        ShipmentMethod chosen = null;
        if (preferences.get(0).fromSiteStock()) {
            reservation = stock.reserveAtSite(order.site(), item.code, order.at());
            if (reservation.isPresent()) {
                chosen = preferences.get(0);
            }
        }
        if (chosen == null) {
            chosen = preferences.get(preferences.size() - 1);
            reservation = stock.reserveCentral(item.code, order.at());
        }
        shipment.method = chosen;
        shipment.co2eKg = FulfilmentRules.co2eKg(chosen, co2ePerParcel(item.parcelSize), expressFactor);
        if (reservation.isEmpty()) {
            events.add(shipment.outOfStock(OUT_OF_STOCK, order.at()));
            shipment.persist();
            return new Opened(Optional.of(shipment), events);
        }
        shipment.sourceLocation = reservation.get().locationId();
        events.addAll(reservation.get().events());
        if (chosen.needsAddress() && !DeliveryAddress.onFile(order.employeeId())) {
            events.add(shipment.awaitAddress(order.at()));
        } else {
            events.add(shipment.dispatch(order.at(), order.at().plus(leadTime(chosen))));
        }
        shipment.persist();
        return new Opened(Optional.of(shipment), events);
    }

    /** The employee's address was recorded: the shipments waiting for it leave. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> addressRecorded(String employeeId, Instant at) {
        List<Shipment> waiting = Shipment.find("employeeId = ?1 and status = ?2", employeeId,
                ShipmentStatus.AWAITING_ADDRESS).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<DomainEvent> events = new ArrayList<>();
        for (Shipment shipment : waiting) {
            events.add(shipment.dispatch(at, at.plus(leadTime(shipment.method))));
        }
        return events;
    }

    /**
     * The ticket was cancelled or resolved remotely: what has not left yet is called off and its unit goes back to
     * stock. What has left follows its course (a parcel cannot be recalled).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callOff(UUID ticketId) {
        List<Shipment> waiting = Shipment.find("ticketId = ?1 and status = ?2", ticketId,
                ShipmentStatus.AWAITING_ADDRESS).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Shipment shipment : waiting) {
            shipment.status = ShipmentStatus.CANCELLED;
            stock.putBack(shipment.sourceLocation, shipment.itemCode);
        }
    }

    /** What the carrier reports. A status the shipment already has is a repeat: no effect, no event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> tracking(UUID shipmentId, TrackingStatus reported, String reason, Instant at) {
        Shipment shipment = lock(shipmentId);
        if (!shipment.method.needsAddress()) {
            throw new DomainProblems.Conflict("not-a-parcel",
                    "This shipment is a " + shipment.method + ", not a carrier's parcel.");
        }
        if (shipment.status == ShipmentStatus.AWAITING_ADDRESS) {
            throw new DomainProblems.Conflict("not-dispatched", "This shipment has not left yet.");
        }
        return switch (reported) {
            case DISPATCHED -> List.of();
            case IN_TRANSIT -> {
                if (shipment.status == ShipmentStatus.DISPATCHED) {
                    shipment.inTransit();
                }
                yield List.of();
            }
            case DELIVERED -> shipment.status == ShipmentStatus.DELIVERED ? List.of()
                    : List.of(shipment.deliver(at));
            case FAILED -> {
                if (shipment.status == ShipmentStatus.FAILED) {
                    yield List.of();
                }
                ShipmentEvents.Failed failed = shipment.fail(
                        reason == null ? "Delivery failed (carrier report)" : reason, at);
                // The parcel goes back to where it came from.
                stock.putBack(shipment.sourceLocation, shipment.itemCode);
                yield List.of(failed);
            }
        };
    }

    /** The on-site technician handed the accessory over. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> handedOver(UUID shipmentId, Instant at) {
        Shipment shipment = lock(shipmentId);
        if (shipment.method != ShipmentMethod.OSS_HANDOVER) {
            throw new DomainProblems.Conflict("not-a-handover", "This shipment is a " + shipment.method + ".");
        }
        return shipment.status == ShipmentStatus.DELIVERED ? List.of() : List.of(shipment.deliver(at));
    }

    public static Shipment lock(UUID shipmentId) {
        Shipment shipment = Shipment.findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw new DomainProblems.NotFound("No shipment " + shipmentId + ".");
        }
        return shipment;
    }

    private double co2ePerParcel(ParcelSize size) {
        return switch (size) {
            case SMALL -> co2eSmall;
            case MEDIUM -> co2eMedium;
            case LARGE -> co2eLarge;
        };
    }

    private Duration leadTime(ShipmentMethod method) {
        return switch (method) {
            case STANDARD_PARCEL -> standardLeadTime;
            case EXPRESS_PARCEL -> expressLeadTime;
            case OSS_HANDOVER -> handoverLeadTime;
            case LOCKER -> lockerLeadTime;
        };
    }
}
