package org.fieldsupport.ticket.progress;

import java.util.Optional;
import java.util.Set;

import org.fieldsupport.ticket.lifecycle.EscalationKind;
import org.fieldsupport.ticket.lifecycle.Progress;
import org.fieldsupport.ticket.lifecycle.TicketStatus;

/**
 * What each dispatch and logistics event means for the ticket it concerns. A completed intervention or a delivered
 * accessory resolves it; a visit that needs follow-up or a failed delivery brings it back to the desk; the rest
 * tells where the work stands. Event types not listed here are not about the ticket's status.
 */
public final class ProgressRules {

    /** The event types that can move a ticket; the inbox acknowledges the others unread. */
    public static final Set<String> TYPES_READ = Set.of("InterventionScheduled", "InterventionRescheduled",
            "InterventionAtRisk", "InterventionStarted", "InterventionCompleted", "ShipmentAwaitingAddress",
            "ShipmentDispatched", "ShipmentDelivered", "ShipmentFailed", "ReturnRequested", "ReturnReceived",
            "AllocationPrepared", "LockerDeposited", "LockerCollected");

    private ProgressRules() {
    }

    public static Optional<Progress> meaningOf(String eventType, ProgressReport r, EscalationKind escalatedAs) {
        return Optional.ofNullable(switch (eventType) {
            case "InterventionScheduled" -> appointment("APPOINTMENT_BOOKED", r);
            case "InterventionRescheduled" -> appointment("APPOINTMENT_RESCHEDULED", r);
            case "InterventionAtRisk" -> new Progress(TicketStatus.AT_RISK, null, "AT_RISK",
                    "Promise at risk: " + r.reason() + " (deadline " + r.deadline() + ")");
            case "InterventionStarted" -> new Progress(TicketStatus.TECHNICIAN_ON_SITE, null, "TECHNICIAN_ON_SITE",
                    "Technician " + r.technicianId() + " on site");
            case "InterventionCompleted" -> completion(r, escalatedAs);
            case "ShipmentAwaitingAddress" -> new Progress(TicketStatus.AWAITING_ADDRESS, null, "AWAITING_ADDRESS",
                    "No delivery address on file: record it with PUT /employees/{id}/delivery-address");
            case "ShipmentDispatched" -> new Progress(TicketStatus.SHIPPED, null, "SHIPPED",
                    r.accessory() + " sent by " + r.method()
                            + ("BUBBLE_ROOM".equals(r.interimArrangement())
                                    ? "; meanwhile the employee may work in the quiet bubble room" : ""));
            case "ShipmentDelivered" -> new Progress(TicketStatus.RESOLVED, "DELIVERED", "DELIVERED", "Delivered");
            case "ShipmentFailed" -> new Progress(TicketStatus.NEEDS_ATTENTION, null, "DELIVERY_FAILED",
                    "Delivery failed: " + r.reason());
            case "ReturnRequested" -> new Progress(TicketStatus.AWAITING_RETURN, null, "RETURN_REQUESTED",
                    "Return requested");
            case "ReturnReceived" -> new Progress(TicketStatus.RESOLVED, "RETURNED", "RETURN_RECEIVED",
                    "Every asset received");
            case "AllocationPrepared" -> new Progress(TicketStatus.RESOLVED, "ALLOCATED", "ALLOCATION_PREPARED",
                    "Kit prepared for the start date");
            case "LockerDeposited" -> "PICKUP".equals(r.purpose())
                    ? new Progress(TicketStatus.AWAITING_PICKUP, null, "LOCKER_DEPOSITED",
                            "Waiting in locker " + r.lockerId() + ", compartment " + r.compartment())
                    : Progress.informationOnly("LOCKER_DEPOSITED",
                            "Returned to locker " + r.lockerId() + ", compartment " + r.compartment());
            case "LockerCollected" -> "PICKUP".equals(r.purpose())
                    ? new Progress(TicketStatus.RESOLVED, "DELIVERED", "LOCKER_COLLECTED",
                            "Collected from locker " + r.lockerId())
                    : Progress.informationOnly("LOCKER_COLLECTED", "Collected from locker " + r.lockerId());
            default -> null;
        });
    }

    private static Progress appointment(String kind, ProgressReport r) {
        boolean kept = !Boolean.FALSE.equals(r.withinPromise());
        String window = r.window() == null ? "" : " from " + r.window().start() + " to " + r.window().end();
        return new Progress(kept ? TicketStatus.APPOINTMENT_BOOKED : TicketStatus.AT_RISK, null, kind,
                "Technician " + r.technicianId() + window + ", deadline " + r.deadline()
                        + (kept ? "" : " (the promise cannot be kept)")
                        + (r.reason() == null ? "" : "; reason " + r.reason()));
    }

    private static Progress completion(ProgressReport r, EscalationKind escalatedAs) {
        String outcome = r.outcome();
        if ("FIXED".equals(outcome) || "REPLACED".equals(outcome)) {
            // A return is resolved when logistics has received the assets, not when they were picked up.
            return escalatedAs == EscalationKind.RETURN
                    ? Progress.informationOnly("COLLECTED", "Collected by technician " + r.technicianId())
                    : new Progress(TicketStatus.RESOLVED, "ON_SITE", "INTERVENTION_COMPLETED",
                            outcome + " by technician " + r.technicianId());
        }
        return new Progress(TicketStatus.NEEDS_ATTENTION, null, "INTERVENTION_COMPLETED",
                outcome + " reported by technician " + r.technicianId() + ": the desk must follow up");
    }
}
