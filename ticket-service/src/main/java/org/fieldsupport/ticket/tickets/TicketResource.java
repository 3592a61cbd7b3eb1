package org.fieldsupport.ticket.tickets;

import java.net.URI;
import java.time.Instant;
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
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.ForbiddenException;

import org.fieldsupport.chassis.idempotency.IdempotentRequests;
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

    @ConfigProperty(name = "ticket.desk-time-zone")
    java.time.ZoneId deskZone;

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
        Instant openedAt = businessTime(request.openedAt(), security);
        String actor = security.getUserPrincipal().getName();
        return idempotentRequests.execute("POST /tickets", idempotencyKey, request, () -> {
            Ticket ticket = desk.open(request, openedAt, actor);
            return Response.created(URI.create("/tickets/" + ticket.id))
                    .entity(TicketView.of(ticket, null))
                    .build();
        });
    }

    @POST
    @Path("/{id}/remote-resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(summary = "Resolve remotely", description = "From OPEN or NEEDS_ATTENTION (or while escalated, "
            + "when the desk finds the fix after all); publishes TicketResolved with remote: true.")
    @APIResponse(responseCode = "200", description = "Ticket resolved")
    @APIResponse(responseCode = "409", description = "Not resolvable from its current status",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    public TicketView resolveRemotely(@PathParam("id") UUID id, @Valid @NotNull DeskCommands.RemoteResolution body,
            @Context SecurityContext security) {
        return view(desk.resolveRemotely(id, body, businessTime(body.at(), security), actor(security)));
    }

    @POST
    @Path("/{id}/escalation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(summary = "Escalate", description = "HARDWARE and OTHER → ON_SITE, ACCESSORY → SHIPMENT (needs a known "
            + "accessory code), MEETING_ROOM → MEETING_ROOM (needs roomId), EQUIPMENT_RETURN → RETURN, ALLOCATION → "
            + "ALLOCATION (needs startDate). Publishes TicketEscalated; dispatch or logistics take it from there. "
            + "The same Idempotency-Key replays the first answer.")
    @APIResponse(responseCode = "202", description = "Escalated; the other services act on it asynchronously")
    @APIResponse(responseCode = "409", description = "Not escalable from its current status",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The kind does not fit the category, or something it needs is "
            + "missing", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    mediaType = Problem.MEDIA_TYPE))
    public Response escalate(@PathParam("id") UUID id, @Valid @NotNull DeskCommands.Escalation body,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context SecurityContext security) {
        Instant at = businessTime(body.at(), security);
        String actor = actor(security);
        return idempotentRequests.execute("POST /tickets/" + id + "/escalation", idempotencyKey, body,
                () -> Response.accepted(view(desk.escalate(id, body, at, actor))).build());
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(summary = "Close a resolved ticket", description = "The body is optional. Resolved tickets also close "
            + "by themselves after the configured number of business days.")
    public TicketView close(@PathParam("id") UUID id, @Valid DeskCommands.Note body,
            @Context SecurityContext security) {
        return withNote(body, security, (note, at, actor) -> desk.close(id, note, at, actor));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(hidden = true)
    public TicketView closeWithoutBody(@PathParam("id") UUID id, @HeaderParam("Content-Length") Long length,
            @Context SecurityContext security) {
        requireNoBody(length);
        return close(id, null, security);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(summary = "Cancel an open ticket", description = "The body is optional. From any open status; "
            + "publishes TicketCancelled so that an appointment or a shipment is called off.")
    public TicketView cancel(@PathParam("id") UUID id, @Valid DeskCommands.Note body,
            @Context SecurityContext security) {
        return withNote(body, security, (note, at, actor) -> desk.cancel(id, note, at, actor));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(hidden = true)
    public TicketView cancelWithoutBody(@PathParam("id") UUID id, @HeaderParam("Content-Length") Long length,
            @Context SecurityContext security) {
        requireNoBody(length);
        return cancel(id, null, security);
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DESK_AGENT, Roles.IMPORTER})
    @Transactional
    @Operation(summary = "Reopen a resolved ticket", description = "Within the configured number of business days "
            + "after its resolution; later, open a new ticket.")
    public TicketView reopen(@PathParam("id") UUID id, @Valid @NotNull DeskCommands.Reopening body,
            @Context SecurityContext security) {
        return view(desk.reopen(id, body, businessTime(body.at(), security), actor(security)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DESK_AGENT, Roles.DISPATCHER, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER,
            Roles.IMPORTER})
    @Operation(summary = "A ticket with its full timeline")
    public TicketView get(@PathParam("id") UUID id) {
        return view(desk.find(id));
    }

    private static TicketView view(Ticket ticket) {
        return TicketView.of(ticket, TimelineEntry.of(ticket.id));
    }

    /** A desk command whose body, an optional note, may be absent. */
    @FunctionalInterface
    private interface NoteCommand {
        Ticket apply(DeskCommands.Note note, Instant businessTime, String actor);
    }

    private static TicketView withNote(DeskCommands.Note body, SecurityContext security, NoteCommand command) {
        DeskCommands.Note note = body != null ? body : new DeskCommands.Note(null, null);
        return view(command.apply(note, businessTime(note.at(), security), actor(security)));
    }

    /** A call without a JSON body is fine; a body of another type is not. */
    private static void requireNoBody(Long contentLength) {
        if (contentLength != null && contentLength > 0) {
            throw new NotSupportedException();
        }
    }

    private static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    /** Only the importer may state when something happened; everyone else acts now. */
    private static Instant businessTime(Instant requested, SecurityContext security) {
        if (requested != null && !security.isUserInRole(Roles.IMPORTER)) {
            throw new ForbiddenException("Only the importer role may give a business time.");
        }
        return requested;
    }

    @GET
    @RolesAllowed({Roles.DESK_AGENT, Roles.DISPATCHER, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER,
            Roles.IMPORTER})
    @Operation(summary = "Search tickets", description = "Newest opening first (then by id, so pages are stable); "
            + "every filter is optional. Dates are YYYY-MM-DD in the desk's time zone, or ISO-8601 instants; "
            + "openedTo is inclusive for a date.")
    @APIResponse(responseCode = "200", description = "A page of tickets")
    @APIResponse(responseCode = "400", description = "A filter is not valid",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    public TicketView.Page search(@QueryParam("site") String site,
            @Parameter(description = "A status, e.g. OPEN or AT_RISK") @QueryParam("status") String status,
            @QueryParam("category") String category,
            @Parameter(description = "Pseudonymous employee id") @QueryParam("employeeId") String employeeId,
            @Parameter(description = "Opened at or after", example = "2025-10-01") @QueryParam("openedFrom")
            String openedFrom,
            @Parameter(description = "Opened at or before", example = "2025-12-31") @QueryParam("openedTo")
            String openedTo,
            @Parameter(description = "true: only tickets whose promise is in danger") @QueryParam("atRisk")
            String atRisk,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        TicketSearch search = new TicketSearch(deskZone)
                .site(site)
                .status(status)
                .category(category)
                .employee(employeeId)
                .openedFrom(openedFrom)
                .openedTo(openedTo)
                .atRisk(atRisk);
        var found = Ticket.<Ticket> find(search.query() + " order by openedAt desc, id", search.parameters());
        List<TicketView> items = found.page(page, size).<Ticket> list().stream()
                .map(t -> TicketView.of(t, null)).toList();
        return new TicketView.Page(items, page, size, found.count());
    }
}
