package org.fieldsupport.survey.kpis;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each figure means, served next to the figures (JSON, CSV header notes and the printable report). */
public final class KpiDefinitions {

    private KpiDefinitions() {
    }

    public static final Map<String, String> ALL;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("month attribution", "Every figure is counted in the month (Europe/Paris) of the business time "
                + "(occurredAt) of the event named in its definition, never of its arrival: a ticket escalated on "
                + "31 October and resolved on 3 November counts as escalated in October and resolved in November.");
        d.put("tickets", "Tickets opened at the site, counted once each, in the month of their opening "
                + "(business time, Europe/Paris).");
        d.put("escalated", "Tickets whose first escalation (TicketEscalated, any kind) falls in the period.");
        d.put("resolved", "Tickets whose final resolution (last TicketResolved, not followed by a reopening) "
                + "falls in the period.");
        d.put("resolvedRemotely", "Share of the resolved tickets resolved remotely by the desk (remote: true), "
                + "with n = resolved tickets and its 95% Wilson interval.");
        d.put("onSiteInterventions", "Completed technician visits for hands-on work (InterventionCompleted of kind "
                + "ON_SITE or MEETING_ROOM, any outcome including NO_SHOW: the trip was made), by completion time.");
        d.put("meetingRoomInterventions", "The part of onSiteInterventions of kind MEETING_ROOM.");
        d.put("onSitePerBusinessDay", "onSiteInterventions divided by the site's business days in the period "
                + "(comparable with the 2024 baseline of on-site tickets per business day).");
        d.put("businessDays", "Monday to Friday without the public holidays of the site's region (Strasbourg: "
                + "Alsace-Moselle, with Good Friday and 26 December), up to today for a period still running.");
        d.put("onTime", "Share of onSiteInterventions completed by the promise: completion time at or before the "
                + "deadline of the intervention's first booking (InterventionScheduled; a re-planning keeps the "
                + "promise); where no booking was seen, dispatch's withinPromise flag on the completion. n = the "
                + "visits for which one of the two is known.");
        d.put("timeToInterventionHours", "Business hours of the site (by default 08:30-12:30 and 13:30-17:30 on "
                + "business days) from the ticket's last on-site or meeting-room escalation to the technician's "
                + "arrival (InterventionStarted, else the completion): median (mean of the two middle values when n "
                + "is even) and 90th percentile (nearest rank: the value at rank ceil(0.9 n)), over "
                + "onSiteInterventions of the period whose escalation is known.");
        d.put("shipmentsDispatched", "Accessory shipments dispatched (ShipmentDispatched), by dispatch time; "
                + "headsetsDispatched: those of a HEADSET.");
        d.put("shipmentsDelivered", "Shipments delivered (ShipmentDelivered), by delivery time; shipmentsFailed: "
                + "ShipmentFailed, by failure time.");
        d.put("headsetLeadTimeHours", "Business hours from the ticket's last SHIPMENT escalation to the delivery, "
                + "for delivered headsets (median, 90th percentile, n); otherAccessoryLeadTimeHours: the same for "
                + "every other accessory.");
        d.put("returnsRequested", "Equipment returns opened (ReturnRequested); returnsReceived: returns whose "
                + "assets were received (ReturnReceived).");
        d.put("allocationsPrepared", "New-hire equipment allocations prepared (AllocationPrepared).");
        d.put("lockerDeposits", "Traced locker deposits (LockerDeposited); lockerCollections: traced pickups "
                + "(LockerCollected).");
        d.put("roomsChecked", "Monthly meeting-room checks completed (InterventionCompleted of kind ROOM_CHECK, "
                + "or RoomCheckCompleted).");
        d.put("roomsDue", "Meeting rooms due for their monthly check in the period: the configured number of rooms "
                + "of the site times the months; null (unknown) when not configured.");
        d.put("technicianKm", "Kilometres travelled by technicians for the site's visits (travelKm of every "
                + "InterventionCompleted, any kind); technicianCo2eKg: their kg CO2e as computed by dispatch "
                + "(co2eKg, dispatch's configured factor per km).");
        d.put("parcels", "Shipments dispatched by parcel (STANDARD_PARCEL or EXPRESS_PARCEL); parcelCo2eKg: "
                + "parcels times the configured kg CO2e per parcel of their method (factors and their source in "
                + "'factors').");
        d.put("surveyInvitations", "Per-intervention survey invitations issued whose intervention or delivery "
                + "falls in the period (campaigns are reported apart).");
        d.put("surveyAnswers", "Those of surveyInvitations that were answered (whenever the answer came).");
        d.put("responseRate", "surveyAnswers / surveyInvitations, with its 95% Wilson interval.");
        d.put("satisfied", "Share of answers rating 4 or 5 out of 5, with n = answers and its 95% Wilson interval; "
                + "a warning says when n is too small to support a conclusion.");
        d.put("wilson interval", "95% Wilson score interval: centre (p + z²/2n)/(1 + z²/n), half-width "
                + "z/(1 + z²/n)·√(p(1−p)/n + z²/4n²), z = 1.96. It says where the true share plausibly lies given "
                + "only n observations.");
        ALL = java.util.Collections.unmodifiableMap(d);
    }
}
