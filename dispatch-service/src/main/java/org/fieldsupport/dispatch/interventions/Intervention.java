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

    public static Intervention liveForTicket(UUID ticketId) {
        return find("ticketId = ?1 and status in ?2", ticketId,
                List.of(InterventionStatus.SCHEDULED, InterventionStatus.STARTED)).firstResult();
    }

    public InterventionEvents.Started start(Instant at) {
        if (status != InterventionStatus.SCHEDULED) {
            throw new DomainProblems.Conflict("illegal-transition", "Cannot start a visit that is " + status + ".");
        }
        status = InterventionStatus.STARTED;
        return new InterventionEvents.Started(1, id, ticketId, siteCode, technicianId, at);
    }

    public InterventionEvents.Completed complete(Outcome result, Double km, double co2eKgPerKm, Instant at) {
        if (status != InterventionStatus.SCHEDULED && status != InterventionStatus.STARTED) {
            throw new DomainProblems.Conflict("illegal-transition",
                    "Cannot complete a visit that is " + status + ".");
        }
        status = InterventionStatus.COMPLETED;
        outcome = result;
        travelKm = km;
        completedAt = at;
        Double co2e = km == null ? null : Math.round(km * co2eKgPerKm * 1000) / 1000.0;
        return new InterventionEvents.Completed(1, id, ticketId, siteCode, kind, technicianId, result,
                !at.isAfter(deadline), km, co2e, at);
    }

    public InterventionEvents.Cancelled cancel(String reason, Instant at) {
        status = InterventionStatus.CANCELLED;
        return new InterventionEvents.Cancelled(1, id, ticketId, siteCode, technicianId, reason, at);
    }
}
