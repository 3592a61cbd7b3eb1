package org.fieldsupport.dispatch.rota;

import static org.fieldsupport.dispatch.policies.SitePolicy.SITE_CODE;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.dispatch.policies.SitePolicy;
import org.fieldsupport.dispatch.technicians.Presence;
import org.fieldsupport.dispatch.technicians.RotaDay;
import org.fieldsupport.dispatch.technicians.Technician;

/** Advice on the on-site technician's rota, from the site's recent escalations; the dispatcher applies it or not. */
@Path("/sites/{code}/rota-advice")
@Produces(MediaType.APPLICATION_JSON)
public class RotaAdviceResource {

    @Inject
    Clock clock;

    public record AdviceView(String site, String technicianId, Instant from, Instant to, RotaAdvice.Advice advice,
            String howToApply) {
    }

    @GET
    @RolesAllowed(Roles.DISPATCHER)
    @Transactional
    @Operation(summary = "Which half-day the on-site technician should be there on each weekday",
            description = "Replays the on-site escalations of the last `weeks` weeks before `asOf` (default now) "
                    + "against every rota of one half-day per weekday; proposes the one serving the most within the "
                    + "half-day, then with the least waiting, with the figures of each weekday.")
    public AdviceView advise(@PathParam("code") @Pattern(regexp = SITE_CODE) String code,
            @QueryParam("weeks") @DefaultValue("8") @Min(1) @Max(52) int weeks, @QueryParam("asOf") Instant asOf) {
        Instant to = asOf != null ? asOf : clock.instant();
        Instant from = to.minus(Duration.ofDays(7L * weeks));
        SitePolicy policy = SitePolicy.inForce(code, to);
        if (policy == null) {
            throw new DomainProblems.NotFound("No support policy for site " + code + ".");
        }
        Technician oss = Technician.<Technician> find("ossSite = ?1 order by id", code).firstResult();
        if (oss == null) {
            throw new DomainProblems.RuleViolation("no-on-site-technician", "Site " + code
                    + " has no on-site technician whose rota could change.");
        }
        Map<DayOfWeek, Presence> rota = new TreeMap<>();
        RotaDay.of(oss.id).forEach(r -> rota.put(DayOfWeek.of(r.dayOfWeek), r.presence));
        List<Instant> escalations = Intervention.getEntityManager().createQuery(
                "select min(i.requestedAt) from Intervention i where i.siteCode = :site and i.kind = :kind "
                        + "and i.requestedAt >= :from and i.requestedAt < :to group by i.ticketId", Instant.class)
                .setParameter("site", code).setParameter("kind", InterventionKind.ON_SITE)
                .setParameter("from", from).setParameter("to", to).getResultList();
        RotaAdvice.Advice advice = RotaAdvice.advise(escalations.stream().sorted().toList(), policy.hours(),
                Duration.ofMinutes(policy.onSiteMinutes), rota);
        return new AdviceView(code, oss.id, from, to, advice, "PUT /technicians/" + oss.id
                + " with the proposed rota; booked visits the change affects are moved.");
    }
}
