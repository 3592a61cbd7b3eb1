package org.fieldsupport.dispatch.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.fieldsupport.dispatch.policies.HalfDay;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.policies.SitePolicy;
import org.fieldsupport.dispatch.promise.OssPresence;
import org.fieldsupport.dispatch.promise.PromiseRules;
import org.fieldsupport.dispatch.technicians.Absence;
import org.fieldsupport.dispatch.technicians.RotaDay;
import org.fieldsupport.dispatch.technicians.Technician;

/**
 * Books a visit when a ticket is escalated: the deadline from the site's policy and the escalation's business time,
 * then the earliest suitable slot (see {@link Planner}). Every change of an agenda first takes the
 * {@link PlanningLock}, so concurrent bookings never overlap. Publishes InterventionScheduled, and InterventionAtRisk
 * when the promise cannot be kept.
 */
@ApplicationScoped
public class Booking {

    /** Technicians with this skill take meeting-room visits first (audio-visual equipment). */
    public static final String ROOM_SKILL = "MEETING_ROOM_AV";

    @Inject
    Outbox outbox;

    @Inject
    PlanningLock planningLock;

    @Inject
    PlanningContext context;

    /** What to book: a ticket's visit (ON_SITE, MEETING_ROOM) or a return's collection. */
    public record VisitRequest(InterventionKind kind, String site, Instant requestedAt, UUID ticketId,
            UUID returnId) {

        public static VisitRequest forTicket(UUID ticketId, String site, InterventionKind kind, Instant at) {
            return new VisitRequest(kind, site, at, ticketId, null);
        }

        public static VisitRequest collection(UUID returnId, UUID ticketId, String site, Instant at) {
            return new VisitRequest(InterventionKind.COLLECTION, site, at, ticketId, returnId);
        }
    }

    /**
     * Books the visit; a ticket or return that already has a live visit keeps it (a redelivery books nothing), and a
     * ticket closed after this request was made (an escalation read late) gets none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Intervention> book(VisitRequest request) {
        // Takes the lock first thing, so that the sites kept by the last transaction can be reused (PlanningContext).
        PlanningContext.Site known = context.site(request.site(), request.requestedAt());
        if (request.ticketId() != null) {
            TicketStanding ticket = TicketStanding.of(request.ticketId(), request.requestedAt());
            if (ticket.liveVisit() != null) {
                return Optional.of(Intervention.findById(ticket.liveVisit()));
            }
            if (ticket.closedSince()) {
                return Optional.empty();
            }
        } else {
            Intervention existing = Intervention.liveForReturn(request.returnId());
            if (existing != null) {
                return Optional.of(existing);
            }
        }
        String site = request.site();
        Instant requestedAt = request.requestedAt();
        SitePolicy policy = known.policyAt(requestedAt);
        if (policy == null) {
            throw new PoisonMessageException("no support policy for site " + site + " on the request date");
        }
        Options options = options(known, policy, request.kind(), null);
        Instant deadline = PromiseRules.deadline(policy.mode, request.kind(), options.hours(), requestedAt,
                options.duration(), options.ossPresent());
        Optional<Planner.Slot> slot = Planner.plan(new Planner.Request(site, policy.latitude, policy.longitude,
                options.hours(), requestedAt, options.duration(), deadline), options.candidates());
        if (slot.isEmpty()) {
            outbox.append(new InterventionEvents.AtRisk(1, null, request.ticketId(), site, deadline, null,
                    "No technician serving the site can visit within " + Planner.HORIZON_BUSINESS_DAYS
                            + " business days",
                    requestedAt));
            return Optional.empty();
        }
        Intervention visit = persist(request.kind(), site, slot.get(), deadline, requestedAt);
        visit.ticketId = request.ticketId();
        visit.returnId = request.returnId();
        publishScheduled(visit, requestedAt);
        return Optional.of(visit);
    }

    /**
     * Places a meeting room's monthly check before {@code deadline} (the end of the month). Unless
     * {@code dedicatedTrip}, only on a day a technician is at the site anyway; empty when no such slot exists yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Intervention> bookRoomCheck(String site, String roomId, Instant from, Instant deadline,
            boolean dedicatedTrip) {
        PlanningContext.Site known = context.site(site, from);
        SitePolicy policy = known.policyAt(from);
        if (policy == null) {
            return Optional.empty();
        }
        Options options = options(known, policy, InterventionKind.ROOM_CHECK, null);
        Optional<Planner.Slot> slot = Planner.plan(new Planner.Request(site, policy.latitude, policy.longitude,
                options.hours(), from, options.duration(), deadline, !dedicatedTrip), options.candidates())
                .filter(s -> dedicatedTrip || s.keeps(deadline));
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        Intervention visit = persist(InterventionKind.ROOM_CHECK, site, slot.get(), deadline, from);
        visit.roomId = roomId;
        publishScheduled(visit, from);
        return Optional.of(visit);
    }

    private static Intervention persist(InterventionKind kind, String site, Planner.Slot slot, Instant deadline,
            Instant requestedAt) {
        Intervention visit = new Intervention();
        visit.id = UUID.randomUUID();
        visit.siteCode = site;
        visit.kind = kind;
        visit.technicianId = slot.technicianId();
        visit.windowStart = slot.start();
        visit.windowEnd = slot.end();
        visit.deadline = deadline;
        visit.withinPromise = slot.keeps(deadline);
        visit.status = InterventionStatus.SCHEDULED;
        visit.requestedAt = requestedAt;
        return visit;
    }

    private void publishScheduled(Intervention visit, Instant at) {
        visit.persist();
        context.booked(visit);
        InterventionEvents.Window window = new InterventionEvents.Window(visit.windowStart, visit.windowEnd);
        outbox.append(new InterventionEvents.Scheduled(1, visit.id, visit.ticketId, visit.siteCode, visit.kind,
                visit.technicianId, window, visit.deadline, visit.withinPromise, visit.returnId, visit.roomId, at));
        if (!visit.withinPromise) {
            outbox.append(new InterventionEvents.AtRisk(1, visit.id, visit.ticketId, visit.siteCode, visit.deadline,
                    window, "No suitable technician is free before the deadline; booked the earliest slot", at));
        }
    }

    /**
     * Moves a booked visit whose technician can no longer make it (an absence, a rota change): the same promise, the
     * earliest slot from now with any suitable technician. Publishes InterventionRescheduled, and InterventionAtRisk
     * when the promise can no longer be kept or no slot is left (the visit then stays as it was, for the dispatcher).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replan(Intervention visit, String reason, Instant now) {
        // The change that moves the visit (an absence, a rota) was made in this transaction after the sites were read.
        context.forget();
        Instant earliest = now.isAfter(visit.requestedAt) ? now : visit.requestedAt;
        PlanningContext.Site known = context.site(visit.siteCode, earliest);
        SitePolicy policy = known.policyAt(visit.requestedAt);
        Options options = options(known, policy, visit.kind, visit.id);
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
        context.forget();
        InterventionEvents.Window window = new InterventionEvents.Window(visit.windowStart, visit.windowEnd);
        outbox.append(new InterventionEvents.Rescheduled(1, visit.id, visit.ticketId, visit.siteCode,
                visit.technicianId, window, visit.deadline, visit.withinPromise, reason, now));
        if (!visit.withinPromise) {
            outbox.append(new InterventionEvents.AtRisk(1, visit.id, visit.ticketId, visit.siteCode, visit.deadline,
                    window, "Moved after " + reason + "; no suitable slot before the deadline", now));
        }
    }

    /**
     * After a technician's sites or on-site rota changed: each booked visit they can no longer make (a site they no
     * longer serve, or a half-day of their own site they are no longer present in) is moved as after an absence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replanAfterChange(Technician technician, Instant now) {
        planningLock.acquire();
        Technician.getEntityManager().flush();
        List<RotaDay> rota = RotaDay.of(technician.id);
        for (Intervention visit : Intervention.upcomingFor(technician.id, now)) {
            boolean canMakeIt = technician.sites.contains(visit.siteCode);
            if (canMakeIt && visit.siteCode.equals(technician.ossSite)) {
                SiteHours hours = SitePolicy.inForce(visit.siteCode, visit.windowStart).hours();
                LocalDate day = hours.calendar().dateOf(visit.windowStart);
                HalfDay half = visit.windowStart.isBefore(hours.end(day, HalfDay.MORNING)) ? HalfDay.MORNING
                        : HalfDay.AFTERNOON;
                canMakeIt = technician.presentOnSite(day, half, rota, List.of(), hours);
            }
            if (!canMakeIt) {
                replan(visit, "ROTA_CHANGE", now);
            }
        }
    }

    /** Who could do a visit at the site, and when the on-site technician is there. */
    private record Options(SiteHours hours, Duration duration, List<Planner.Candidate> candidates,
            OssPresence ossPresent) {
    }

    /** The candidates for a visit at the site and their agendas, leaving out the visit being moved. */
    private static Options options(PlanningContext.Site site, SitePolicy policy, InterventionKind kind,
            UUID movingVisit) {
        SiteHours hours = policy.hours();
        Duration duration = Duration.ofMinutes(switch (kind) {
            case MEETING_ROOM, ROOM_CHECK -> policy.meetingRoomMinutes;
            case COLLECTION -> policy.collectionMinutes;
            default -> policy.onSiteMinutes;
        });
        List<Planner.Candidate> candidates = new ArrayList<>();
        List<OssPresence> onSitePresence = new ArrayList<>();
        for (Technician technician : suitable(site.technicians, kind)) {
            boolean onSite = site.code.equals(technician.ossSite);
            List<RotaDay> rota = site.rota(technician.id);
            List<Planner.Busy> agenda = new ArrayList<>();
            List<Absence> away = new ArrayList<>();
            for (BusyPeriods.Period period : site.busy(technician.id)) {
                if (period.isAbsence()) {
                    away.add(Absence.of(technician.id, period.start(), period.end()));
                } else if (!period.visitId().equals(movingVisit)) {
                    agenda.add(new Planner.Busy(period.start(), period.end(), period.site()));
                }
            }
            away.forEach(a -> agenda.add(new Planner.Busy(a.startsAt, a.endsAt, null)));
            OssPresence presence = (day, half) -> technician.presentOnSite(day, half, rota, away, hours);
            if (onSite) {
                onSitePresence.add(presence);
            }
            candidates.add(new Planner.Candidate(technician.id, technician.baseLatitude, technician.baseLongitude,
                    onSite, presence, agenda));
        }
        OssPresence ossPresent = (day, half) -> onSitePresence.stream().anyMatch(p -> p.present(day, half));
        return new Options(hours, duration, candidates, ossPresent);
    }

    /**
     * Calls off the ticket's live visit, if any (ticket cancelled, or resolved remotely meanwhile), and remembers the
     * closure so that an older escalation read later books nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callOff(UUID ticketId, String reason, Instant at) {
        TicketClosure.record(ticketId, reason, at);
        Intervention live = Intervention.liveForTicket(ticketId);
        if (live != null) {
            // Most tickets resolved remotely never had a visit: only an agenda that changes takes the lock.
            planningLock.acquire();
            outbox.append(live.cancel(reason, at));
            context.forget();
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
