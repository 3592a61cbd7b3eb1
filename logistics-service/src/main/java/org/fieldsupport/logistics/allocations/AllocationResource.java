package org.fieldsupport.logistics.allocations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.security.Roles;

/** New-hire allocations to prepare, and their preparation. */
@Path("/allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    @Inject
    Allocations allocations;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public record Preparation(
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "^[A-Za-z0-9._:/-]{1,64}$") String> assets) {
    }

    public record AllocationView(UUID id, UUID ticketId, String employeeId, String site, LocalDate startDate,
            AllocationStatus status, List<String> assets, Instant requestedAt, Instant preparedAt) {
        static AllocationView of(Allocation a) {
            return new AllocationView(a.id, a.ticketId, a.employeeId, a.site, a.startDate, a.status,
                    a.assets == null ? List.of() : Arrays.asList(a.assets.split(",")), a.requestedAt, a.preparedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.DESK_AGENT, Roles.PILOT_MANAGER})
    @Operation(summary = "Allocations by ticket or by site, earliest start date first")
    public List<AllocationView> list(@QueryParam("ticketId") UUID ticketId, @QueryParam("site") String site) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (ticketId != null) {
            query.append(" and ticketId = :ticket");
            parameters.put("ticket", ticketId);
        }
        if (site != null) {
            query.append(" and site = :site");
            parameters.put("site", site);
        }
        return Allocation.<Allocation> list(query + " order by startDate, id", parameters).stream()
                .map(AllocationView::of).toList();
    }

    @POST
    @Path("/{id}/preparation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Transactional
    @Operation(summary = "The kit is ready at the site (logistics operator)", description = "Publishes "
            + "AllocationPrepared, which resolves the ticket; a repeat changes nothing.")
    public AllocationView prepare(@PathParam("id") UUID id, @Valid @NotNull Preparation preparation) {
        outbox.appendAll(allocations.prepared(id, preparation.assets(), clock.instant()));
        return AllocationView.of(Allocation.findById(id));
    }
}
