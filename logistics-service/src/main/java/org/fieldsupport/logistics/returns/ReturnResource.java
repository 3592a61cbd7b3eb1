package org.fieldsupport.logistics.returns;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.ForbiddenException;

import org.fieldsupport.chassis.idempotency.IdempotentRequests;
import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;

/** Returns: the employee's form, their progress, and the receipt of each asset in stock. */
@Path("/returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnResource {

    /** The employee signed in to the intranet form; the token's subject is their pseudonymous id. */
    public static final String EMPLOYEE = "employee";

    @Inject
    Returns returns;

    @Inject
    Outbox outbox;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    Clock clock;

    public record ReturnForm(@NotNull @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$") String employeeId,
            @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String site,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "^[A-Za-z0-9._:/-]{1,64}$") String> assets,
            @NotNull Collection collection, UUID ticketId) {
    }

    public record Receipt(@NotNull @Pattern(regexp = "^[A-Za-z0-9._:/-]{1,64}$") String asset,
            @NotNull Condition condition) {
    }

    public record AssetView(String asset, Condition condition, Instant receivedAt) {
    }

    public record ReturnView(UUID id, UUID ticketId, String employeeId, String site, Collection collection,
            ReturnStatus status, List<AssetView> assets, Instant requestedAt, Instant receivedAt) {
        static ReturnView of(ReturnRequest r) {
            return new ReturnView(r.id, r.ticketId, r.employeeId, r.site, r.collection, r.status,
                    r.assets().stream().map(a -> new AssetView(a.asset, a.condition, a.receivedAt)).toList(),
                    r.requestedAt, r.receivedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({EMPLOYEE, Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "The employee's return form (employee, desk agent, logistics operator)", description =
            "Assets by tag or serial number; collection by a technician or deposit in a locker. Publishes "
                    + "ReturnRequested (dispatch books the collection). An employee may only return their own "
                    + "equipment. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Return opened")
    public Response request(@Valid @NotNull ReturnForm form,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context SecurityContext security) {
        boolean staff = security.isUserInRole(Roles.DESK_AGENT) || security.isUserInRole(Roles.LOGISTICS_OPERATOR);
        if (!staff && !form.employeeId().equals(security.getUserPrincipal().getName())) {
            throw new ForbiddenException("An employee returns their own equipment only.");
        }
        return idempotent.execute("returns", idempotencyKey, form, () -> {
            Returns.Opened opened = returns.open(new Returns.Order(form.ticketId(), null, form.employeeId(),
                    form.site(), form.assets(), form.collection(), clock.instant()));
            outbox.appendAll(opened.events());
            ReturnRequest request = opened.request().orElseThrow();
            return Response.created(URI.create("/returns/" + request.id)).entity(ReturnView.of(request)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER})
    @Operation(summary = "Returns of a ticket")
    public List<ReturnView> byTicket(@QueryParam("ticketId") UUID ticketId) {
        if (ticketId == null) {
            throw new DomainProblems.InvalidInput("ticketId is required.");
        }
        return ReturnRequest.<ReturnRequest> list("ticketId = ?1 order by requestedAt, id", ticketId).stream()
                .map(ReturnView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER})
    @Operation(summary = "One return, asset by asset")
    public ReturnView get(@PathParam("id") UUID id) {
        ReturnRequest request = ReturnRequest.findById(id);
        if (request == null) {
            throw new DomainProblems.NotFound("No return " + id + ".");
        }
        return ReturnView.of(request);
    }

    @POST
    @Path("/{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Transactional
    @Operation(summary = "Receive one asset in stock with its condition (logistics operator)", description = "The "
            + "last asset received publishes ReturnReceived. Receiving an asset again with the same condition "
            + "changes nothing.")
    public ReturnView receive(@PathParam("id") UUID id, @Valid @NotNull Receipt receipt,
            @Context SecurityContext security) {
        outbox.appendAll(returns.receive(id, receipt.asset(), receipt.condition(),
                "logistics:" + security.getUserPrincipal().getName(), clock.instant()));
        return ReturnView.of(ReturnRequest.findById(id));
    }
}
