package org.fieldsupport.logistics.shipments;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.fieldsupport.chassis.idempotency.IdempotentRequests;
import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;

/** Shipments of accessories: followed by the desk, ordered again by it when needed, handed over on site. */
@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    @Inject
    Shipping shipping;

    @Inject
    Outbox outbox;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    Clock clock;

    public record ShipmentOrder(@NotNull UUID ticketId,
            @NotNull @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$") String employeeId,
            @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String site,
            @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,39}$") String accessory) {
    }

    public record ShipmentView(UUID id, UUID ticketId, String employeeId, String site, String accessory,
            ShipmentMethod method, InterimArrangement interimArrangement, ShipmentStatus status, Double co2eKg,
            Instant expectedBy, String failureReason, Instant requestedAt, Instant dispatchedAt,
            Instant deliveredAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id, s.ticketId, s.employeeId, s.site, s.itemCode, s.method, s.interim,
                    s.status, s.co2eKg, s.expectedBy, s.failureReason, s.requestedAt, s.dispatchedAt,
                    s.deliveredAt);
        }
    }

    @GET
    @RolesAllowed({Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER})
    @Operation(summary = "Shipments of a ticket (desk agent, logistics operator, pilot manager)")
    public List<ShipmentView> byTicket(@QueryParam("ticketId") UUID ticketId) {
        if (ticketId == null) {
            throw new DomainProblems.InvalidInput("ticketId is required.");
        }
        return Shipment.<Shipment> list("ticketId = ?1 order by requestedAt, id", ticketId).stream()
                .map(ShipmentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR, Roles.PILOT_MANAGER})
    @Operation(summary = "One shipment")
    public ShipmentView get(@PathParam("id") UUID id) {
        Shipment shipment = Shipment.findById(id);
        if (shipment == null) {
            throw new DomainProblems.NotFound("No shipment " + id + ".");
        }
        return ShipmentView.of(shipment);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "Send an accessory for a ticket (desk agent, logistics operator)", description = "As on "
            + "TicketEscalated SHIPMENT: fastest option for an accessory that blocks work, standard parcel otherwise; "
            + "honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Opened; its status says dispatched, awaiting an address or "
            + "failed for want of stock")
    public Response order(@Valid @NotNull ShipmentOrder order,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute("shipments", idempotencyKey, order, () -> {
            Shipping.Opened opened = shipping.open(new Shipping.Order(order.ticketId(), null, order.employeeId(),
                    order.site(), order.accessory(), clock.instant()));
            outbox.appendAll(opened.events());
            Shipment shipment = opened.shipment().orElseThrow();
            return Response.created(URI.create("/shipments/" + shipment.id)).entity(ShipmentView.of(shipment))
                    .build();
        });
    }

    @POST
    @Path("/{id}/handover")
    @RolesAllowed({Roles.TECHNICIAN, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "The on-site technician handed the accessory over (technician, logistics operator)",
            description = "Publishes ShipmentDelivered; a repeat changes nothing.")
    public ShipmentView handover(@PathParam("id") UUID id) {
        outbox.appendAll(shipping.handedOver(id, clock.instant()));
        return ShipmentView.of(Shipment.findById(id));
    }
}
