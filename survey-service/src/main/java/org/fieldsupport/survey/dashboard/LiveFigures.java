package org.fieldsupport.survey.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.fieldsupport.survey.kpis.Proportion;
import org.fieldsupport.survey.kpis.SurveyOutcome;
import org.fieldsupport.survey.pilot.PilotEvent;

/**
 * The ops dashboard's figures for one site at one instant, from the recorded events (a pure function).
 *
 * @param openTickets tickets opened and not resolved, closed or cancelled since (their last ticket event)
 * @param appointmentsToday visits whose current window (last booking or re-planning) starts today at the site, not
 *            cancelled
 * @param promisesAtRisk visits neither completed nor cancelled whose last booking, re-planning or risk notice says
 *            the promise will not be kept
 * @param shipmentsInTransit shipments dispatched and neither delivered nor failed
 * @param responseRate per-intervention survey answers / invitations, for invitations whose intervention or delivery
 *            is in the current month
 * @param satisfied share of those answers rating 4 or 5
 */
public record LiveFigures(String site, long openTickets, long appointmentsToday, long promisesAtRisk,
        long shipmentsInTransit, Proportion responseRate, Proportion satisfied) {

    static final Set<String> TICKET_STATE = Set.of("TicketOpened", "TicketReopened", "TicketResolved", "TicketClosed",
            "TicketCancelled");

    public static LiveFigures of(String site, Instant now, ZoneId zone, List<PilotEvent> allEvents,
            List<SurveyOutcome> surveys, long minimumN) {
        List<PilotEvent> events = allEvents.stream().filter(e -> site.equals(e.site()) && !e.occurredAt().isAfter(now))
                .sorted(Comparator.comparing(PilotEvent::occurredAt)).toList();

        Map<UUID, PilotEvent> lastTicketState = events.stream()
                .filter(e -> e.ticketId() != null && TICKET_STATE.contains(e.type()))
                .collect(Collectors.toMap(PilotEvent::ticketId, e -> e, (a, b) -> b));
        long open = lastTicketState.values().stream()
                .filter(e -> "TicketOpened".equals(e.type()) || "TicketReopened".equals(e.type())).count();

        Map<String, List<PilotEvent>> visits = events.stream().filter(e -> e.interventionId() != null)
                .collect(Collectors.groupingBy(PilotEvent::interventionId));
        LocalDate today = now.atZone(zone).toLocalDate();
        long appointmentsToday = 0;
        long atRisk = 0;
        for (List<PilotEvent> visit : visits.values()) {
            boolean cancelled = visit.stream().anyMatch(e -> "InterventionCancelled".equals(e.type()));
            boolean completed = visit.stream().anyMatch(e -> "InterventionCompleted".equals(e.type()));
            if (cancelled) {
                continue;
            }
            PilotEvent lastBooking = null;
            PilotEvent lastPromiseNews = null;
            for (PilotEvent e : visit) {
                boolean booking = "InterventionScheduled".equals(e.type()) || "InterventionRescheduled".equals(e.type());
                if (booking && e.window() != null) {
                    lastBooking = e;
                }
                if (booking || "InterventionAtRisk".equals(e.type())) {
                    lastPromiseNews = e;
                }
            }
            if (lastBooking != null && lastBooking.window().start() != null
                    && lastBooking.window().start().atZone(zone).toLocalDate().equals(today)) {
                appointmentsToday++;
            }
            if (!completed && lastPromiseNews != null && ("InterventionAtRisk".equals(lastPromiseNews.type())
                    || Boolean.FALSE.equals(lastPromiseNews.withinPromise()))) {
                atRisk++;
            }
        }

        Map<String, List<PilotEvent>> shipments = events.stream().filter(e -> e.shipmentId() != null)
                .collect(Collectors.groupingBy(PilotEvent::shipmentId));
        long inTransit = shipments.values().stream()
                .filter(s -> s.stream().anyMatch(e -> "ShipmentDispatched".equals(e.type()))
                        && s.stream().noneMatch(e -> "ShipmentDelivered".equals(e.type())
                                || "ShipmentFailed".equals(e.type())))
                .count();

        java.time.YearMonth month = java.time.YearMonth.from(now.atZone(zone));
        List<SurveyOutcome> thisMonth = surveys.stream().filter(s -> site.equals(s.site())
                && java.time.YearMonth.from(s.referenceAt().atZone(zone)).equals(month)).toList();
        long answers = thisMonth.stream().filter(s -> s.rating() != null).count();
        long satisfied = thisMonth.stream().filter(s -> s.rating() != null && s.rating() >= 4).count();
        return new LiveFigures(site, open, appointmentsToday, atRisk, inTransit,
                Proportion.of(answers, thisMonth.size(), minimumN), Proportion.of(satisfied, answers, minimumN));
    }
}
