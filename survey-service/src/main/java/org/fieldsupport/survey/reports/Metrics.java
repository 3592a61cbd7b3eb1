package org.fieldsupport.survey.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldsupport.survey.kpis.Distribution;
import org.fieldsupport.survey.kpis.KpiSet;
import org.fieldsupport.survey.kpis.Proportion;

/** A KPI set as rows (name, value, n, interval, warning), for the CSV and the printable tables. */
public final class Metrics {

    /** One figure. {@code share} rows hold a proportion; {@code hours} rows a median (and p90 in {@code high}). */
    public record Metric(String name, String label, Double value, Long n, Double low, Double high, String kind,
            String warning) {
    }

    private Metrics() {
    }

    public static List<Metric> of(KpiSet k) {
        List<Metric> m = new ArrayList<>();
        count(m, "tickets", "Tickets opened", k.tickets());
        count(m, "escalated", "Tickets escalated", k.escalated());
        count(m, "resolved", "Tickets resolved", k.resolved());
        share(m, "resolvedRemotely", "Resolved remotely", k.resolvedRemotely());
        count(m, "onSiteInterventions", "On-site interventions", k.onSiteInterventions());
        count(m, "meetingRoomInterventions", "  of which meeting rooms", k.meetingRoomInterventions());
        count(m, "businessDays", "Business days", k.businessDays());
        m.add(new Metric("onSitePerBusinessDay", "On-site interventions per business day",
                k.onSitePerBusinessDay() == null ? null : round(k.onSitePerBusinessDay(), 3), null, null, null,
                "rate", null));
        share(m, "onTime", "On time against the promise", k.onTime());
        hours(m, "timeToInterventionHours", "Time to intervention (business h)", k.timeToInterventionHours());
        count(m, "shipmentsDispatched", "Shipments dispatched", k.shipmentsDispatched());
        count(m, "headsetsDispatched", "  of which headsets", k.headsetsDispatched());
        count(m, "shipmentsDelivered", "Shipments delivered", k.shipmentsDelivered());
        count(m, "shipmentsFailed", "Shipments failed", k.shipmentsFailed());
        hours(m, "headsetLeadTimeHours", "Headset lead time (business h)", k.headsetLeadTimeHours());
        hours(m, "otherAccessoryLeadTimeHours", "Other accessory lead time (business h)",
                k.otherAccessoryLeadTimeHours());
        count(m, "returnsRequested", "Returns requested", k.returnsRequested());
        count(m, "returnsReceived", "Returns received", k.returnsReceived());
        count(m, "allocationsPrepared", "Allocations prepared", k.allocationsPrepared());
        count(m, "lockerDeposits", "Locker deposits", k.lockerDeposits());
        count(m, "lockerCollections", "Locker collections", k.lockerCollections());
        count(m, "roomsChecked", "Meeting rooms checked", k.roomsChecked());
        m.add(new Metric("roomsDue", "Meeting rooms due", k.roomsDue() == null ? null : k.roomsDue().doubleValue(),
                null, null, null, "count", k.roomsDue() == null ? "unknown: room inventory not configured" : null));
        m.add(new Metric("technicianKm", "Technician km", k.technicianKm(), null, null, null, "amount", null));
        m.add(new Metric("technicianCo2eKg", "Technician trips, kg CO2e", k.technicianCo2eKg(), null, null, null,
                "amount", null));
        count(m, "parcels", "Parcels", k.parcels());
        m.add(new Metric("parcelCo2eKg", "Parcels, kg CO2e (assumed factor)", k.parcelCo2eKg(), null, null, null,
                "amount", null));
        count(m, "surveyInvitations", "Survey invitations", k.surveyInvitations());
        count(m, "surveyAnswers", "Survey answers", k.surveyAnswers());
        share(m, "responseRate", "Response rate", k.responseRate());
        share(m, "satisfied", "Satisfied (4–5 of 5)", k.satisfied());
        return m;
    }

    private static void count(List<Metric> m, String name, String label, long value) {
        m.add(new Metric(name, label, (double) value, null, null, null, "count", null));
    }

    private static void share(List<Metric> m, String name, String label, Proportion p) {
        m.add(new Metric(name, label, p.share(), p.n(), p.low(), p.high(), "share", p.warning()));
    }

    private static void hours(List<Metric> m, String name, String label, Distribution d) {
        m.add(new Metric(name, label, d.median() == null ? null : round(d.median(), 2), d.n(), null,
                d.p90() == null ? null : round(d.p90(), 2), "hours", null));
    }

    static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    /** A figure as a reader sees it: "62% [41–80%] (n = 12)", "3.5 h (p90 9 h, n = 8)", "12", or "—". */
    public static String display(Metric metric) {
        if (metric.value() == null) {
            return metric.n() != null ? "— (n = 0)" : "—";
        }
        return switch (metric.kind()) {
            case "share" -> String.format(Locale.ROOT, "%.0f%% [%.0f–%.0f%%] (n = %d)", metric.value() * 100,
                    metric.low() * 100, metric.high() * 100, metric.n());
            case "hours" -> String.format(Locale.ROOT, "%s h (p90 %s h, n = %d)", number(metric.value()),
                    number(metric.high()), metric.n());
            case "count" -> String.valueOf(metric.value().longValue());
            default -> number(metric.value());
        };
    }

    static String number(double value) {
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
