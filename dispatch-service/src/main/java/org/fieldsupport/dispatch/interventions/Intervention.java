package org.fieldsupport.dispatch.interventions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.fieldsupport.chassis.problem.DomainProblems;

/** A technician's visit: booked for a window before a deadline, then started and completed. */
@Entity
@Table(name = "intervention")
public class Intervention extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    /** The return whose assets a COLLECTION visit picks up. */
    @Column(name = "return_id")
    public UUID returnId;

    /** The meeting room a ROOM_CHECK visit checks. */
    @Column(name = "room_id")
    public String roomId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterventionKind kind;

    @Column(name = "technician_id", nullable = false)
    public String technicianId;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "within_promise", nullable = false)
    public boolean withinPromise;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterventionStatus status;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "travel_km")
    public Double travelKm;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    public static List<Intervention> liveFor(String technicianId, Instant from, Instant to) {
        return list("technicianId = ?1 and status in ?2 and windowStart < ?4 and windowEnd > ?3", technicianId,
                List.of(InterventionStatus.SCHEDULED, InterventionStatus.STARTED), from, to);
    }

    /** The technician's booked visits that end after {@code now}, however far ahead. */
    public static List<Intervention> upcomingFor(String technicianId, Instant now) {
        return list("technicianId = ?1 and status = ?2 and windowEnd > ?3 order by windowStart", technicianId,
                InterventionStatus.SCHEDULED, now);
    }

    public static Intervention liveForTicket(UUID ticketId) {
        return find("ticketId = ?1 and status in (?2, ?3)", ticketId, InterventionStatus.SCHEDULED,
                InterventionStatus.STARTED).firstResult();
    }

    public static Intervention liveForReturn(UUID returnId) {
        return find("returnId = ?1 and status in (?2, ?3)", returnId, InterventionStatus.SCHEDULED,
                InterventionStatus.STARTED).firstResult();
    }

    /** The technician's visits of a day that are not called off, in the order of the day. */
    public static List<Intervention> ofTechnicianDay(String technicianId, Instant dayStart, Instant dayEnd) {
        return list("technicianId = ?1 and status <> ?2 and windowStart >= ?3 and windowStart < ?4 "
                + "order by windowStart", technicianId, InterventionStatus.CANCELLED, dayStart, dayEnd);
    }

    public InterventionEvents.Started start(Instant at) {
        if (status != InterventionStatus.SCHEDULED) {
            throw new DomainProblems.Conflict("illegal-transition", "Cannot start a visit that is " + status + ".");
        }
        status = InterventionStatus.STARTED;
        return new InterventionEvents.Started(1, id, ticketId, siteCode, technicianId, at);
    }

    /**
     * Completes the visit; {@code km} is this visit's share of its trip and {@code kmSource} says whether the
     * technician declared it or it was estimated.
     */
    public InterventionEvents.Completed complete(Outcome result, Double km, String kmSource, double co2eKgPerKm,
            Instant at) {
        if (kind == InterventionKind.ROOM_CHECK) {
            throw new DomainProblems.Conflict("room-check", "A room check is completed with its result: POST "
                    + "/interventions/" + id + "/room-check.");
        }
        finish(at);
        outcome = result;
        travelKm = km;
        Double co2e = km == null ? null : Math.round(km * co2eKgPerKm * 1000) / 1000.0;
        return new InterventionEvents.Completed(1, id, ticketId, siteCode, kind, technicianId, result,
                !at.isAfter(deadline), km, km == null ? null : kmSource, co2e, returnId, at);
    }

    /** Closes a room-check visit; what was found is the room check's record. */
    public void finishRoomCheck(Instant at) {
        if (kind != InterventionKind.ROOM_CHECK) {
            throw new DomainProblems.Conflict("not-a-room-check", "Appointment " + id + " is not a room check.");
        }
        finish(at);
    }

    private void finish(Instant at) {
        if (status != InterventionStatus.SCHEDULED && status != InterventionStatus.STARTED) {
            throw new DomainProblems.Conflict("illegal-transition",
                    "Cannot complete a visit that is " + status + ".");
        }
        status = InterventionStatus.COMPLETED;
        completedAt = at;
    }

    public InterventionEvents.Cancelled cancel(String reason, Instant at) {
        status = InterventionStatus.CANCELLED;
        return new InterventionEvents.Cancelled(1, id, ticketId, siteCode, technicianId, reason, at);
    }
}
