package org.fieldsupport.survey.kpis;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.fieldsupport.survey.pilot.PilotEvent;

/**
 * The pilot's KPIs (DESIGN §6) from the recorded events and survey outcomes: a pure function of its inputs, so the
 * same stream always gives the same figures. See {@link KpiDefinitions} for what each figure means.
 */
public final class PilotKpiCalculator {

    static final Set<String> HANDS_ON_KINDS = Set.of("ON_SITE", "MEETING_ROOM");

    private final ZoneId zone;
    private final Map<String, BusinessHours> hoursBySite;
    private final BusinessHours defaultHours;
    private final long minimumN;
    private final Map<String, Double> parcelCo2eKgByMethod;
    private final Map<String, Long> meetingRoomsBySite;

    public PilotKpiCalculator(ZoneId zone, Map<String, BusinessHours> hoursBySite, BusinessHours defaultHours,
            long minimumN, Map<String, Double> parcelCo2eKgByMethod, Map<String, Long> meetingRoomsBySite) {
        this.zone = zone;
        this.hoursBySite = Map.copyOf(hoursBySite);
        this.defaultHours = defaultHours;
        this.minimumN = minimumN;
        this.parcelCo2eKgByMethod = Map.copyOf(parcelCo2eKgByMethod);
        this.meetingRoomsBySite = Map.copyOf(meetingRoomsBySite);
    }

    public BusinessHours hoursOf(String site) {
        return hoursBySite.getOrDefault(site, defaultHours);
    }

    public long minimumN() {
        return minimumN;
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** The figures of {@code site} over the months {@code from}..{@code to} (inclusive), all days elapsed. */
    public KpiSet compute(String site, YearMonth from, YearMonth to, List<PilotEvent> allEvents,
            List<SurveyOutcome> surveys) {
        return compute(site, from, to, allEvents, surveys, to.atEndOfMonth());
    }

    /**
     * The same, on {@code today}: the business days of a period still running are counted up to today only, so that
     * a rate per business day of the month in progress is not diluted by days still to come.
     */
    public KpiSet compute(String site, YearMonth from, YearMonth to, List<PilotEvent> allEvents,
            List<SurveyOutcome> surveys, java.time.LocalDate today) {
        List<PilotEvent> events = allEvents.stream().filter(e -> site.equals(e.site()))
                .sorted(Comparator.comparing(PilotEvent::occurredAt)).toList();
        Predicate<Instant> inPeriod = t -> {
            YearMonth m = monthOf(t);
            return !m.isBefore(from) && !m.isAfter(to);
        };
        BusinessHours hours = hoursOf(site);
        java.time.LocalDate lastDay = today.isBefore(to.atEndOfMonth()) ? today : to.atEndOfMonth();
        long businessDays = lastDay.isBefore(from.atDay(1)) ? 0 : hours.businessDays(from.atDay(1), lastDay);

        Map<UUID, List<PilotEvent>> byTicket = events.stream().filter(e -> e.ticketId() != null)
                .collect(Collectors.groupingBy(PilotEvent::ticketId));

        long tickets = events.stream().filter(e -> "TicketOpened".equals(e.type()) && inPeriod.test(e.occurredAt()))
                .map(PilotEvent::ticketId).distinct().count();

        long escalated = 0;
        long resolved = 0;
        long resolvedRemotely = 0;
        for (List<PilotEvent> ticketEvents : byTicket.values()) {
            Optional<PilotEvent> firstEscalation = ticketEvents.stream()
                    .filter(e -> "TicketEscalated".equals(e.type())).findFirst();
            if (firstEscalation.isPresent() && inPeriod.test(firstEscalation.get().occurredAt())) {
                escalated++;
            }
            PilotEvent lastResolutionOrReopening = null;
            for (PilotEvent e : ticketEvents) {
                if ("TicketResolved".equals(e.type()) || "TicketReopened".equals(e.type())) {
                    lastResolutionOrReopening = e;
                }
            }
            if (lastResolutionOrReopening != null && "TicketResolved".equals(lastResolutionOrReopening.type())
                    && inPeriod.test(lastResolutionOrReopening.occurredAt())) {
                resolved++;
                if (Boolean.TRUE.equals(lastResolutionOrReopening.remote())) {
                    resolvedRemotely++;
                }
            }
        }

        Map<String, List<PilotEvent>> byIntervention = events.stream().filter(e -> e.interventionId() != null)
                .collect(Collectors.groupingBy(PilotEvent::interventionId));
        long onSite = 0;
        long meetingRooms = 0;
        long onTimeKnown = 0;
        long onTime = 0;
        long roomsChecked = 0;
        double km = 0;
        double co2 = 0;
        List<Double> waits = new ArrayList<>();
        for (List<PilotEvent> visit : byIntervention.values()) {
            Optional<PilotEvent> completed = first(visit, "InterventionCompleted");
            if (completed.isEmpty() || !inPeriod.test(completed.get().occurredAt())) {
                continue;
            }
            PilotEvent done = completed.get();
            km += done.travelKm() == null ? 0 : done.travelKm();
            co2 += done.co2eKg() == null ? 0 : done.co2eKg();
            String kind = kindOf(visit);
            if ("ROOM_CHECK".equals(kind)) {
                roomsChecked++;
                continue;
            }
            if (!HANDS_ON_KINDS.contains(kind)) {
                continue;
            }
            onSite++;
            if ("MEETING_ROOM".equals(kind)) {
                meetingRooms++;
            }
            Optional<PilotEvent> booking = first(visit, "InterventionScheduled");
            if (booking.isPresent() && booking.get().deadline() != null) {
                onTimeKnown++;
                if (!done.occurredAt().isAfter(booking.get().deadline())) {
                    onTime++;
                }
            } else if (done.withinPromise() != null) {
                onTimeKnown++;
                if (done.withinPromise()) {
                    onTime++;
                }
            }
            Instant arrival = first(visit, "InterventionStarted").map(PilotEvent::occurredAt).orElse(done.occurredAt());
            UUID ticket = done.ticketId() != null ? done.ticketId()
                    : visit.stream().map(PilotEvent::ticketId).filter(java.util.Objects::nonNull).findFirst()
                            .orElse(null);
            lastEscalation(byTicket.get(ticket), HANDS_ON_KINDS, arrival)
                    .ifPresent(escalation -> waits.add(hours.hoursBetween(escalation.occurredAt(), arrival)));
        }
        roomsChecked += events.stream()
                .filter(e -> "RoomCheckCompleted".equals(e.type()) && inPeriod.test(e.occurredAt())).count();

        Map<String, PilotEvent> dispatchedShipments = new HashMap<>();
        events.stream().filter(e -> "ShipmentDispatched".equals(e.type()) && e.shipmentId() != null)
                .forEach(e -> dispatchedShipments.putIfAbsent(e.shipmentId(), e));
        long shipmentsDispatched = 0;
        long headsets = 0;
        long parcels = 0;
        double parcelCo2 = 0;
        for (PilotEvent shipment : dispatchedShipments.values()) {
            if (!inPeriod.test(shipment.occurredAt())) {
                continue;
            }
            shipmentsDispatched++;
            if ("HEADSET".equals(shipment.accessory())) {
                headsets++;
            }
            if (shipment.method() != null && shipment.method().endsWith("_PARCEL")) {
                parcels++;
                parcelCo2 += parcelCo2eKgByMethod.getOrDefault(shipment.method(), 0.0);
            }
        }
        long delivered = 0;
        List<Double> headsetLead = new ArrayList<>();
        List<Double> otherLead = new ArrayList<>();
        Set<String> deliveredIds = new HashSet<>();
        for (PilotEvent e : events) {
            if (!"ShipmentDelivered".equals(e.type()) || !inPeriod.test(e.occurredAt())
                    || !deliveredIds.add(e.shipmentId() == null ? "ticket:" + e.ticketId() : e.shipmentId())) {
                continue;
            }
            delivered++;
            PilotEvent dispatchedEvent = e.shipmentId() == null ? null : dispatchedShipments.get(e.shipmentId());
            Optional<PilotEvent> escalation = lastEscalation(byTicket.get(e.ticketId()), Set.of("SHIPMENT"),
                    e.occurredAt());
            if (escalation.isPresent()) {
                double lead = hours.hoursBetween(escalation.get().occurredAt(), e.occurredAt());
                boolean headset = dispatchedEvent != null && "HEADSET".equals(dispatchedEvent.accessory());
                (headset ? headsetLead : otherLead).add(lead);
            }
        }
        long failed = count(events, "ShipmentFailed", inPeriod);

        List<SurveyOutcome> siteSurveys = surveys.stream()
                .filter(s -> site.equals(s.site()) && inPeriod.test(s.referenceAt())).toList();
        long invitations = siteSurveys.size();
        long answers = siteSurveys.stream().filter(s -> s.rating() != null).count();
        long satisfied = siteSurveys.stream().filter(s -> s.rating() != null && s.rating() >= 4).count();

        Long rooms = meetingRoomsBySite.get(site);
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        return new KpiSet(site, from, to, businessDays, tickets, escalated, resolved,
                Proportion.of(resolvedRemotely, resolved, minimumN), onSite, meetingRooms,
                businessDays == 0 ? null : (double) onSite / businessDays,
                Proportion.of(onTime, onTimeKnown, minimumN), Distribution.of(waits), shipmentsDispatched, headsets,
                delivered, failed, Distribution.of(headsetLead), Distribution.of(otherLead),
                count(events, "ReturnRequested", inPeriod), count(events, "ReturnReceived", inPeriod),
                count(events, "AllocationPrepared", inPeriod), count(events, "LockerDeposited", inPeriod),
                count(events, "LockerCollected", inPeriod), roomsChecked, rooms == null ? null : rooms * months,
                round3(km), round3(co2), parcels, round3(parcelCo2), invitations, answers,
                Proportion.of(answers, invitations, minimumN), Proportion.of(satisfied, answers, minimumN));
    }

    private static long count(List<PilotEvent> events, String type, Predicate<Instant> inPeriod) {
        return events.stream().filter(e -> type.equals(e.type()) && inPeriod.test(e.occurredAt())).count();
    }

    private static Optional<PilotEvent> first(List<PilotEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).min(Comparator.comparing(PilotEvent::occurredAt));
    }

    /** The kind of a visit: from its booking, else from its completion. */
    private static String kindOf(List<PilotEvent> visit) {
        return visit.stream().filter(e -> e.kind() != null && ("InterventionScheduled".equals(e.type())
                || "InterventionCompleted".equals(e.type()))).map(PilotEvent::kind).findFirst().orElse(null);
    }

    private static Optional<PilotEvent> lastEscalation(List<PilotEvent> ticketEvents, Set<String> kinds,
            Instant notAfter) {
        if (ticketEvents == null) {
            return Optional.empty();
        }
        return ticketEvents.stream().filter(e -> "TicketEscalated".equals(e.type()) && kinds.contains(e.kind())
                && !e.occurredAt().isAfter(notAfter)).max(Comparator.comparing(PilotEvent::occurredAt));
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
