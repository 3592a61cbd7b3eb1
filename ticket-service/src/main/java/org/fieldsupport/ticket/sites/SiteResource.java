package org.fieldsupport.ticket.sites;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.chassis.time.BusinessCalendar;

/** The sites reference list: read by everyone on the desk side, maintained by an administrator. */
@Path("/sites")
public class SiteResource {

    @Inject
    Clock clock;

    public record SiteView(String code, String name, String timeZone, String holidayRegion) {
        static SiteView of(Site site) {
            return new SiteView(site.code, site.name, site.timeZone, site.holidayRegion);
        }
    }

    /** A site's reference data; {@code holidayRegion} is FR, or FR-67 for a département's own holidays. */
    public record SiteDefinition(@NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 40) String timeZone,
            @NotBlank @Pattern(regexp = "[A-Z]{2}(-[0-9A-Z]{1,3})?", message = "must look like FR or FR-67")
            String holidayRegion) {
    }

    @GET
    @RolesAllowed({Roles.DESK_AGENT, Roles.DISPATCHER, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER,
            Roles.IMPORTER, Roles.ADMIN})
    public List<SiteView> list() {
        return Site.<Site> listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(SiteView::of).toList();
    }

    /** Creates or updates a site; the same call twice leaves one site. */
    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response put(@PathParam("code") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}",
            message = "must be upper-case letters, digits or _") String code,
            @Valid @NotNull SiteDefinition definition) {
        try {
            ZoneId.of(definition.timeZone());
        } catch (DateTimeException e) {
            throw new DomainProblems.InvalidInput("timeZone is not a known time zone.");
        }
        try {
            BusinessCalendar.of(definition.holidayRegion(), ZoneId.of(definition.timeZone()))
                    .isBusinessDay(java.time.LocalDate.of(2025, 1, 2));
        } catch (RuntimeException e) {
            throw new DomainProblems.InvalidInput("holidayRegion has no holiday calendar.");
        }
        Site site = Site.findById(code);
        boolean created = site == null;
        if (created) {
            site = new Site();
            site.code = code;
        }
        site.name = definition.name();
        site.timeZone = definition.timeZone();
        site.holidayRegion = definition.holidayRegion();
        site.updatedAt = clock.instant();
        site.persist();
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(SiteView.of(site))
                .build();
    }
}
