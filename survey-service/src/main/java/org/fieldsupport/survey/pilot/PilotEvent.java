package org.fieldsupport.survey.pilot;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * survey-service's own reading of the events of ticket.events, dispatch.events and logistics.events that the pilot's
 * figures use: only those fields, all optional here (tolerant reader); {@code type} is the event's ce_type. What
 * each event type must carry is checked when it is recorded ({@link PilotFacts}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PilotEvent(String type, String site, UUID ticketId, String interventionId, String shipmentId,
        String returnId, String allocationId, String lockerId, String category, String kind, String employeeId,
        Boolean remote, String accessory, String method, Instant deadline, Boolean withinPromise, String outcome,
        Double travelKm, Double co2eKg, Window window, Instant occurredAt) {

    /** An appointment's time window. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(Instant start, Instant end) {
    }

    public PilotEvent withType(String eventType) {
        return new PilotEvent(eventType, site, ticketId, interventionId, shipmentId, returnId, allocationId, lockerId,
                category, kind, employeeId, remote, accessory, method, deadline, withinPromise, outcome, travelKm,
                co2eKg, window, occurredAt);
    }

    /** The id of the thing the event is about, besides the ticket: intervention, shipment, return, allocation. */
    public String subjectId() {
        if (interventionId != null) {
            return interventionId;
        }
        if (shipmentId != null) {
            return shipmentId;
        }
        if (returnId != null) {
            return returnId;
        }
        if (allocationId != null) {
            return allocationId;
        }
        return lockerId;
    }

    /** A start for tests and examples: type, site, ticket and time; the rest through the {@code with…} methods. */
    public static PilotEvent of(String type, String site, UUID ticketId, Instant occurredAt) {
        return new PilotEvent(type, site, ticketId, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, occurredAt);
    }

    public PilotEvent withIntervention(String id, String interventionKind) {
        return new PilotEvent(type, site, ticketId, id, shipmentId, returnId, allocationId, lockerId, category,
                interventionKind, employeeId, remote, accessory, method, deadline, withinPromise, outcome, travelKm,
                co2eKg, window, occurredAt);
    }

    public PilotEvent withKind(String newKind) {
        return new PilotEvent(type, site, ticketId, interventionId, shipmentId, returnId, allocationId, lockerId,
                category, newKind, employeeId, remote, accessory, method, deadline, withinPromise, outcome, travelKm,
                co2eKg, window, occurredAt);
    }

    public PilotEvent withRemote(boolean isRemote) {
        return new PilotEvent(type, site, ticketId, interventionId, shipmentId, returnId, allocationId, lockerId,
                category, kind, employeeId, isRemote, accessory, method, deadline, withinPromise, outcome, travelKm,
                co2eKg, window, occurredAt);
    }

    public PilotEvent withPromise(Instant promiseDeadline, Boolean within) {
        return new PilotEvent(type, site, ticketId, interventionId, shipmentId, returnId, allocationId, lockerId,
                category, kind, employeeId, remote, accessory, method, promiseDeadline, within, outcome, travelKm,
                co2eKg, window, occurredAt);
    }

    public PilotEvent withWindow(Instant start, Instant end) {
        return new PilotEvent(type, site, ticketId, interventionId, shipmentId, returnId, allocationId, lockerId,
                category, kind, employeeId, remote, accessory, method, deadline, withinPromise, outcome, travelKm,
                co2eKg, new Window(start, end), occurredAt);
    }

    public PilotEvent withTravel(Double km, Double co2e) {
        return new PilotEvent(type, site, ticketId, interventionId, shipmentId, returnId, allocationId, lockerId,
                category, kind, employeeId, remote, accessory, method, deadline, withinPromise, outcome, km, co2e,
                window, occurredAt);
    }

    public PilotEvent withShipment(String id, String shippedAccessory, String shippingMethod) {
        return new PilotEvent(type, site, ticketId, interventionId, id, returnId, allocationId, lockerId, category,
                kind, employeeId, remote, shippedAccessory, shippingMethod, deadline, withinPromise, outcome, travelKm,
                co2eKg, window, occurredAt);
    }

    public PilotEvent withOutcome(String result) {
        return new PilotEvent(type, site, ticketId, interventionId, shipmentId, returnId, allocationId, lockerId,
                category, kind, employeeId, remote, accessory, method, deadline, withinPromise, result, travelKm,
                co2eKg, window, occurredAt);
    }
}
