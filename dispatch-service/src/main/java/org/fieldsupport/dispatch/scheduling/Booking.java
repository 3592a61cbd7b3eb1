package org.fieldsupport.dispatch.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.interventions.InterventionEvents;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.dispatch.interventions.InterventionStatus;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.policies.SitePolicy;
import org.fieldsupport.dispatch.promise.OssPresence;
import org.fieldsupport.dispatch.promise.PromiseRules;
import org.fieldsupport.dispatch.technicians.Absence;
import org.fieldsupport.dispatch.technicians.RotaDay;
import org.fieldsupport.dispatch.technicians.Technician;

/**
 * Books a visit when a ticket is escalated: the deadline from the site's policy and the escalation's business time,
 * then the earliest suitable slot (see {@link Planner}). The technicians who serve the site are locked for the
 * transaction, so concurrent bookings never overlap. Publishes InterventionScheduled, and InterventionAtRisk when the
 * promise cannot be kept.
 */
@ApplicationScoped
public class Booking {

    private static final Duration AGENDA_SPAN = Duration.ofDays(40);
    /** Technicians with this skill take meeting-room visits first (audio-visual equipment). */
    public static final String ROOM_SKILL = "MEETING_ROOM_AV";

    @Inject
    Outbox outbox;

    /** Books the ticket's visit; a ticket that already has a live visit keeps it (a redelivery books nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Intervention> book(UUID ticketId, String site, InterventionKind kind, Instant requestedAt) {
        Intervention existing = ticketId == null ? null : Intervention.liveForTicket(ticketId);
        if (existing != null) {
            return Optional.of(existing);
        }
        SitePolicy policy = SitePolicy.inForce(site, requestedAt);
        if (policy == null) {
            throw new PoisonMessageException("no support policy for site " + site + " on the escalation date");
        }
        Options options = options(policy, site, kind, requestedAt, null);
        Instant deadline = PromiseRules.deadline(policy.mode, kind, options.hours(), requestedAt, options.duration(),
                options.ossPresent());
        Optional<Planner.Slot> slot = Planner.plan(new Planner.Request(site, policy.latitude, policy.longitude,
                options.hours(), requestedAt, options.duration(), deadline), options.candidates());
        if (slot.isEmpty()) {
            outbox.append(new InterventionEvents.AtRisk(1, null, ticketId, site, deadline, null,
                    "No technician serving the site can visit within " + Planner.HORIZON_BUSINESS_DAYS
                            + " business days",
                    requestedAt));
            return Optional.empty();
        }
        Intervention visit = new Intervention();
        visit.id = UUID.randomUUID();
        visit.ticketId = ticketId;
        visit.siteCode = site;
        visit.kind = kind;
        visit.technicianId = slot.get().technicianId();
        visit.windowStart = slot.get().start();
        visit.windowEnd = slot.get().end();
        visit.deadline = deadline;
        visit.withinPromise = slot.get().keeps(deadline);
        visit.status = InterventionStatus.SCHEDULED;
        visit.requestedAt = requestedAt;
        visit.persist();
        InterventionEvents.Window window = new InterventionEvents.Window(visit.windowStart, visit.windowEnd);
        outbox.append(new InterventionEvents.Scheduled(1, visit.id, ticketId, site, kind, visit.technicianId, window,
                deadline, visit.withinPromise, requestedAt));
        if (!visit.withinPromise) {
            outbox.append(new InterventionEvents.AtRisk(1, visit.id, ticketId, site, deadline, window,
                    "No suitable technician is free before the deadline; booked the earliest slot", requestedAt));
        }
        return Optional.of(visit);
    }

    /**
     * Moves a booked visit whose technician can no longer make it (an absence, a rota change): the same promise, the
     * earliest slot from now with any suitable technician. Publishes InterventionRescheduled, and InterventionAtRisk
     * when the promise can no longer be kept or no slot is left (the visit then stays as it was, for the dispatcher).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replan(Intervention visit, String reason, Instant now) {
        SitePolicy policy = SitePolicy.inForce(visit.siteCode, visit.requestedAt);
        Instant earliest = now.isAfter(visit.requestedAt) ? now : visit.requestedAt;
        Options options = options(policy, visit.siteCode, visit.kind, earliest, visit.id);
        Optional<Planner.Slot> slot = Planner.plan(new Planner.Request(visit.siteCode, policy.latitude,
                policy.longitude, options.hours(), earliest, options.duration(), visit.deadline),
                options.candidates());
        if (slot.isEmpty()) {
            outbox.append(new InterventionEvents.AtRisk(1, visit.id, visit.ticketId, visit.siteCode, visit.deadline,
                    null, "The visit must move (" + reason + ") and no technician can take it", now));
            return;
        }
        visit.technicianId = slot.get().technicianId();
        visit.windowStart = slot.get().start();
        visit.windowEnd = slot.get().end();
        visit.withinPromise = slot.get().keeps(visit.deadline);
        InterventionEvents.Window window = new InterventionEvents.Window(visit.windowStart, visit.windowEnd);
        outbox.append(new InterventionEvents.Rescheduled(1, visit.id, visit.ticketId, visit.siteCode,
                visit.technicianId, window, visit.deadline, visit.withinPromise, reason, now));
        if (!visit.withinPromise) {
            outbox.append(new InterventionEvents.AtRisk(1, visit.id, visit.ticketId, visit.siteCode, visit.deadline,
                    window, "Moved after " + reason + "; no suitable slot before the deadline", now));
        }
    }

    /** Who could do a visit at the site, and when the on-site technician is there. */
    private record Options(SiteHours hours, Duration duration, List<Planner.Candidate> candidates,
            OssPresence ossPresent) {
    }

    /** The candidates for a visit, their agendas from {@code from} on, leaving out the visit being moved. */
    private static Options options(SitePolicy policy, String site, InterventionKind kind, Instant from,
            UUID movingVisit) {
        SiteHours hours = policy.hours();
        Duration duration = Duration.ofMinutes(switch (kind) {
            case MEETING_ROOM, ROOM_CHECK -> policy.meetingRoomMinutes;
            case COLLECTION -> policy.collectionMinutes;
            default -> policy.onSiteMinutes;
        });
        Instant agendaStart = from.minus(Duration.ofDays(1));
        Instant agendaEnd = from.plus(AGENDA_SPAN);
        List<Planner.Candidate> candidates = new ArrayList<>();
        List<OssPresence> onSitePresence = new ArrayList<>();
        for (Technician technician : suitable(Technician.lockServing(site), kind)) {
            List<RotaDay> rota = RotaDay.of(technician.id);
            List<Absence> absences = Absence.overlapping(technician.id, agendaStart, agendaEnd);
            boolean onSite = site.equals(technician.ossSite);
            OssPresence presence = (day, half) -> technician.presentOnSite(day, half, rota, absences, hours);
            if (onSite) {
                onSitePresence.add(presence);
            }
            List<Planner.Busy> agenda = new ArrayList<>();
            Intervention.liveFor(technician.id, agendaStart, agendaEnd).stream()
                    .filter(i -> !i.id.equals(movingVisit))
                    .forEach(i -> agenda.add(new Planner.Busy(i.windowStart, i.windowEnd, i.siteCode)));
            absences.forEach(a -> agenda.add(new Planner.Busy(a.startsAt, a.endsAt, null)));
            candidates.add(new Planner.Candidate(technician.id, technician.baseLatitude, technician.baseLongitude,
                    onSite, presence, agenda));
        }
        OssPresence ossPresent = (day, half) -> onSitePresence.stream().anyMatch(p -> p.present(day, half));
        return new Options(hours, duration, candidates, ossPresent);
    }

    /** Calls off the ticket's live visit, if any (ticket cancelled, or resolved remotely meanwhile). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callOff(UUID ticketId, String reason, Instant at) {
        Intervention live = Intervention.liveForTicket(ticketId);
        if (live != null) {
            outbox.append(live.cancel(reason, at));
        }
    }

    private static List<Technician> suitable(List<Technician> serving, InterventionKind kind) {
        if (kind != InterventionKind.MEETING_ROOM) {
            return serving;
        }
        List<Technician> specialists = serving.stream().filter(t -> t.skills.contains(ROOM_SKILL)).toList();
        return specialists.isEmpty() ? serving : specialists;
    }
}
