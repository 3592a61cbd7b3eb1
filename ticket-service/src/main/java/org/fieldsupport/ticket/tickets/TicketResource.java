package org.fieldsupport.ticket.tickets;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.ForbiddenException;

import org.fieldsupport.chassis.idempotency.IdempotentRequests;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.problem.Problem;
import org.fieldsupport.chassis.security.Roles;

/** The desk API of DESIGN §8. */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    TicketDesk desk;

    @Inject
    IdempotentRequests idempotentRequests;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(summary = "Open a ticket", description = "Stores the ticket and publishes TicketOpened. "
            + "The same Idempotency-Key with the same body returns the first answer again.")
    @APIResponse(responseCode = "201", description = "Ticket opened")
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    public Response open(@Valid @NotNull OpenTicketRequest request,
            @Parameter(description = "Retry key: the same key replays the first answer")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Context SecurityContext security) {
        if (request.openedAt() != null && !security.isUserInRole(Roles.IMPORTER)) {
            throw new ForbiddenException("Only the importer role may give openedAt.");
        }
        String actor = security.getUserPrincipal().getName();
        return idempotentRequests.execute("POST /tickets", idempotencyKey, request, () -> {
            Ticket ticket = desk.open(request, request.openedAt(), actor);
            return Response.created(URI.create("/tickets/" + ticket.id))
                    .entity(TicketView.of(ticket, null))
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DESK_AGENT, Roles.DISPATCHER, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER,
            Roles.IMPORTER})
    @Operation(summary = "A ticket with its full timeline")
    public TicketView get(@PathParam("id") UUID id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw new DomainProblems.NotFound("No ticket " + id + ".");
        }
        return TicketView.of(ticket, TimelineEntry.of(id));
    }

    @GET
    @RolesAllowed({Roles.DESK_AGENT, Roles.DISPATCHER, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER,
            Roles.IMPORTER})
    @Operation(summary = "Search tickets", description = "Newest first, paged; filters are optional.")
    public TicketView.Page search(@QueryParam("site") String site, @QueryParam("status") TicketStatus status,
            @QueryParam("category") Category category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (site != null) {
            query.append(" and siteCode = :site");
            parameters.and("site", site);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (category != null) {
            query.append(" and category = :category");
            parameters.and("category", category);
        }
        var found = Ticket.<Ticket> find(query + " order by openedAt desc, id", parameters.map());
        List<TicketView> items = found.page(page, size).<Ticket> list().stream()
                .map(t -> TicketView.of(t, null)).toList();
        return new TicketView.Page(items, page, size, found.count());
    }
}
