package org.fieldsupport.dispatch.interventions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.ForbiddenException;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.chassis.time.BusinessTimes;
import org.fieldsupport.dispatch.rooms.RoomCheck;
import org.fieldsupport.dispatch.rooms.RoomChecks;
import org.fieldsupport.dispatch.travel.TripEstimates;

/**
 * Appointments. A technician sees and acts on their own only (another's answers 404, and asking for another's
 * agenda 403); the dispatcher sees all.
 */
@Path("/interventions")
@Produces(MediaType.APPLICATION_JSON)
public class InterventionResource {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    TripEstimates trips;

    @Inject
    RoomChecks roomChecks;

    @ConfigProperty(name = "dispatch.co2e-kg-per-km")
    double co2eKgPerKm;

    @ConfigProperty(name = "dispatch.time-zone")
    ZoneId zone;

    public record Completion(@NotNull Outcome outcome, Instant completedAt,
            @DecimalMin("0") @DecimalMax("2000") Double travelKm) {
    }

    public record InterventionView(UUID id, UUID ticketId, UUID returnId, String roomId, String site,
            InterventionKind kind, String technicianId, InterventionEvents.Window window, Instant deadline,
            boolean withinPromise, InterventionStatus status, Outcome outcome, Double travelKm, Instant completedAt) {
        static InterventionView of(Intervention i) {
            return new InterventionView(i.id, i.ticketId, i.returnId, i.roomId, i.siteCode, i.kind, i.technicianId,
                    new InterventionEvents.Window(i.windowStart, i.windowEnd), i.deadline, i.withinPromise, i.status,
                    i.outcome, i.travelKm, i.completedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.TECHNICIAN, Roles.DESK_AGENT, Roles.PILOT_MANAGER})
    @Operation(summary = "Appointments by ticket, return, technician or day (YYYY-MM-DD)", description = "A technician gets "
            + "their own agenda only.")
    public List<InterventionView> list(@QueryParam("ticketId") UUID ticketId,
            @QueryParam("technicianId") String technicianId, @QueryParam("date") String date,
            @QueryParam("returnId") UUID returnId,
            @Context SecurityContext security) {
        String who = technicianOnly(security);
        if (who != null) {
            if (technicianId != null && !technicianId.equals(who)) {
                throw new ForbiddenException("A technician sees their own appointments only.");
            }
            technicianId = who;
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (ticketId != null) {
            query.append(" and ticketId = :ticket");
            parameters.put("ticket", ticketId);
        }
        if (returnId != null) {
            query.append(" and returnId = :return");
            parameters.put("return", returnId);
        }
        if (technicianId != null) {
            query.append(" and technicianId = :technician");
            parameters.put("technician", technicianId);
        }
        if (date != null) {
            LocalDate day = parseDay(date);
            query.append(" and windowStart >= :from and windowStart < :to");
            parameters.put("from", day.atStartOfDay(zone).toInstant());
            parameters.put("to", day.plusDays(1).atStartOfDay(zone).toInstant());
        }
        return Intervention.<Intervention> list(query + " order by windowStart, id", parameters).stream()
                .map(InterventionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISPATCHER, Roles.TECHNICIAN, Roles.DESK_AGENT, Roles.PILOT_MANAGER})
    public InterventionView get(@PathParam("id") UUID id, @Context SecurityContext security) {
        return InterventionView.of(visible(id, security));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.DISPATCHER, Roles.TECHNICIAN})
    @Transactional
    @Operation(summary = "The technician is on site and starts the visit")
    public InterventionView start(@PathParam("id") UUID id, @Context SecurityContext security) {
        Intervention visit = visible(id, security);
        outbox.append(visit.start(clock.instant()));
        return InterventionView.of(visit);
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISPATCHER, Roles.TECHNICIAN})
    @Transactional
    @Operation(summary = "Complete a visit", description = "FIXED and REPLACED resolve the ticket; NEEDS_FOLLOW_UP and "
            + "NO_SHOW bring it back to the desk. travelKm is this visit's share of the trip, estimated from the "
            + "day's visits when not given; InterventionCompleted carries it with its kg CO2e.")
    public InterventionView complete(@PathParam("id") UUID id, @Valid @NotNull Completion completion,
            @Context SecurityContext security) {
        Intervention visit = visible(id, security);
        Instant at = BusinessTimes.givenOrNow(completion.completedAt(), clock, "completedAt");
        boolean declared = completion.travelKm() != null;
        double km = declared ? completion.travelKm() : trips.shareOf(visit);
        outbox.append(visit.complete(completion.outcome(), km, declared ? "DECLARED" : "ESTIMATED", co2eKgPerKm,
                at));
        return InterventionView.of(visit);
    }

    public record RoomCheckReport(@NotNull RoomCheck.Result result, @Size(max = 500) String fault,
            Instant completedAt) {
    }

    @POST
    @Path("/{id}/room-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISPATCHER, Roles.TECHNICIAN})
    @Transactional
    @Operation(summary = "Report a meeting room's monthly check", description = "OK, or FAULT with what was found; "
            + "publishes RoomCheckCompleted.")
    public InterventionView reportRoomCheck(@PathParam("id") UUID id, @Valid @NotNull RoomCheckReport report,
            @Context SecurityContext security) {
        Intervention visit = visible(id, security);
        roomChecks.complete(visit, report.result(), report.fault(),
                BusinessTimes.givenOrNow(report.completedAt(), clock, "completedAt"));
        return InterventionView.of(visit);
    }

    /** The visit, if the caller may see it: a technician's own, or any for the other roles. */
    private static Intervention visible(UUID id, SecurityContext security) {
        Intervention visit = Intervention.findById(id);
        String who = technicianOnly(security);
        if (visit == null || (who != null && !who.equals(visit.technicianId))) {
            throw new DomainProblems.NotFound("No appointment " + id + ".");
        }
        return visit;
    }

    /** The technician's id when the caller is a technician and nothing more; else null. */
    private static String technicianOnly(SecurityContext security) {
        boolean other = security.isUserInRole(Roles.DISPATCHER) || security.isUserInRole(Roles.DESK_AGENT)
                || security.isUserInRole(Roles.PILOT_MANAGER);
        return !other && security.isUserInRole(Roles.TECHNICIAN) ? security.getUserPrincipal().getName() : null;
    }

    private static LocalDate parseDay(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new DomainProblems.InvalidInput("date must be written YYYY-MM-DD.");
        }
    }
}
