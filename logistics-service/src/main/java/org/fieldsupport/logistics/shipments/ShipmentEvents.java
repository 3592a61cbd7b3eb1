package org.fieldsupport.logistics.shipments;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** The events of a shipment on logistics.events, keyed by ticket; never an address. */
public final class ShipmentEvents {

    private ShipmentEvents() {
    }

    /** An event about one shipment. */
    public interface ShipmentEvent extends DomainEvent {
        UUID shipmentId();

        UUID ticketId();

        @Override
        default String recordKey() {
            return ticketId() != null ? ticketId().toString() : shipmentId().toString();
        }

        @Override
        default String eventType() {
            return "Shipment" + getClass().getSimpleName();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dispatched(int schemaVersion, UUID shipmentId, UUID ticketId, String site, String accessory,
            ShipmentMethod method, InterimArrangement interimArrangement, Instant expectedBy, Double co2eKg,
            Instant occurredAt) implements ShipmentEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AwaitingAddress(int schemaVersion, UUID shipmentId, UUID ticketId, String site, String accessory,
            Instant occurredAt) implements ShipmentEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivered(int schemaVersion, UUID shipmentId, UUID ticketId, String site, String accessory,
            ShipmentMethod method, Double co2eKg, Instant occurredAt) implements ShipmentEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failed(int schemaVersion, UUID shipmentId, UUID ticketId, String site, String accessory,
            String reason, Instant occurredAt) implements ShipmentEvent {
    }
}
