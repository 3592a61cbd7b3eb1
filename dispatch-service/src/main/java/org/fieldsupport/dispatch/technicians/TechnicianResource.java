package org.fieldsupport.dispatch.technicians;

import static org.fieldsupport.dispatch.policies.SitePolicy.SITE_CODE;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.chassis.time.BusinessTimes;
import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.scheduling.Booking;
import org.fieldsupport.dispatch.scheduling.PlanningLock;

/** The field teams: technicians, the on-site technicians' rota, absences. */
@Path("/technicians")
@Produces(MediaType.APPLICATION_JSON)
public class TechnicianResource {

    @Inject
    Clock clock;

    @Inject
    Booking booking;

    @Inject
    PlanningLock planningLock;

    /** A technician; {@code ossSite} and {@code rota} for an on-site technician (weekday → half-day present). */
    public record TechnicianDefinition(@NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String team,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double baseLatitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double baseLongitude,
            @NotEmpty @Size(max = 50) List<@Pattern(regexp = SITE_CODE) String> sites,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> skills,
            @Pattern(regexp = SITE_CODE) String ossSite,
            Map<DayOfWeek, Presence> rota) {
    }

    public record TechnicianView(String id, String name, String team, double baseLatitude, double baseLongitude,
            List<String> sites, List<String> skills, String ossSite, Map<DayOfWeek, Presence> rota) {
    }

    /** An absence; {@code declaredAt}: when it became known (business time, default now), re-planning starts there. */
    public record AbsenceDeclaration(@NotNull Instant startsAt, @NotNull Instant endsAt,
            @NotNull @Pattern(regexp = "LEAVE|SICKNESS|TRAINING|OTHER") String reason, Instant declaredAt) {
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISPATCHER, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Create or update a technician, with the rota of an on-site technician",
            description = "Booked visits the technician can no longer make (a site dropped, a half-day no longer on "
                    + "the rota) move as after an absence: InterventionRescheduled (reason ROTA_CHANGE), and "
                    + "InterventionAtRisk where the promise can no longer be kept.")
    public TechnicianView put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String id,
            @Valid @NotNull TechnicianDefinition definition) {
        if (definition.ossSite() != null && !definition.sites().contains(definition.ossSite())) {
            throw new DomainProblems.InvalidInput("ossSite must be one of the technician's sites.");
        }
        if (definition.rota() != null && !definition.rota().isEmpty() && definition.ossSite() == null) {
            throw new DomainProblems.InvalidInput("A rota is for an on-site technician: give ossSite.");
        }
        // Before any change: visits it has to move are moved under the lock every booking takes first.
        planningLock.acquire();
        Technician technician = Technician.findById(id);
        if (technician == null) {
            technician = new Technician();
            technician.id = id;
        }
        technician.name = definition.name();
        technician.team = definition.team();
        technician.baseLatitude = definition.baseLatitude();
        technician.baseLongitude = definition.baseLongitude();
        technician.sites = new ArrayList<>(definition.sites());
        technician.skills = definition.skills() == null ? new ArrayList<>() : new ArrayList<>(definition.skills());
        technician.ossSite = definition.ossSite();
        technician.updatedAt = clock.instant();
        technician.persist();
        RotaDay.delete("technicianId", id);
        if (definition.rota() != null) {
            for (Map.Entry<DayOfWeek, Presence> day : definition.rota().entrySet()) {
                RotaDay rotaDay = new RotaDay();
                rotaDay.technicianId = id;
                rotaDay.dayOfWeek = day.getKey().getValue();
                rotaDay.presence = day.getValue();
                rotaDay.persist();
            }
        }
        booking.replanAfterChange(technician, clock.instant());
        return view(technician, definition.rota() == null ? Map.of() : definition.rota());
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.ADMIN})
    @Operation(summary = "All technicians")
    public List<TechnicianView> list() {
        return Technician.<Technician> listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(t -> view(t, rotaOf(t.id))).toList();
    }

    @POST
    @Path("/{id}/absences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    @Transactional
    @Operation(summary = "Declare an absence (planned leave, or sickness declared the same morning)",
            description = "The technician's visits during the absence move to another technician or a later slot "
                    + "(InterventionRescheduled); InterventionAtRisk where the promise can no longer be kept.")
    public Response declareAbsence(@PathParam("id") String id, @Valid @NotNull AbsenceDeclaration declaration) {
        if (Technician.findById(id) == null) {
            throw new DomainProblems.NotFound("No technician " + id + ".");
        }
        if (!declaration.endsAt().isAfter(declaration.startsAt())) {
            throw new DomainProblems.InvalidInput("endsAt must be after startsAt.");
        }
        Instant declaredAt = BusinessTimes.givenOrNow(declaration.declaredAt(), clock, "declaredAt");
        // Before the absence is written and the visits it hits are read: a booking committed meanwhile sees the
        // absence, or is among the visits moved.
        planningLock.acquire();
        Absence absence = new Absence();
        absence.technicianId = id;
        absence.startsAt = declaration.startsAt();
        absence.endsAt = declaration.endsAt();
        absence.reason = declaration.reason();
        absence.persist();
        Absence.getEntityManager().flush();
        for (Intervention visit : Intervention.liveFor(id, declaration.startsAt(), declaration.endsAt())) {
            booking.replan(visit, "ABSENCE", declaredAt);
        }
        return Response.status(Response.Status.CREATED).entity(declaration).build();
    }

    private static Map<DayOfWeek, Presence> rotaOf(String technicianId) {
        Map<DayOfWeek, Presence> rota = new TreeMap<>();
        RotaDay.of(technicianId).forEach(r -> rota.put(DayOfWeek.of(r.dayOfWeek), r.presence));
        return rota;
    }

    private static TechnicianView view(Technician t, Map<DayOfWeek, Presence> rota) {
        return new TechnicianView(t.id, t.name, t.team, t.baseLatitude, t.baseLongitude, List.copyOf(t.sites),
                List.copyOf(t.skills), t.ossSite, new TreeMap<>(rota));
    }
}
