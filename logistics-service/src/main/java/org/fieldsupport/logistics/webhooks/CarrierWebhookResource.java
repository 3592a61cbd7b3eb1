package org.fieldsupport.logistics.webhooks;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.logistics.shipments.Shipping;
import org.fieldsupport.logistics.shipments.TrackingStatus;

/** The carrier's tracking webhook (DESIGN §8), authenticated by its HMAC signature instead of a bearer token. */
@Path("/shipments/{id}/tracking")
public class CarrierWebhookResource {

    @Inject
    WebhookBodies bodies;

    @Inject
    Shipping shipping;

    @Inject
    Outbox outbox;

    public record TrackingReport(@NotNull TrackingStatus status, @NotNull Instant at,
            @Size(max = 200) String reason) {
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Carrier tracking report (signed webhook)", description = "Signed with X-Signature: "
            + "sha256=<hex HMAC-SHA256 of the raw body>. DELIVERED publishes ShipmentDelivered, FAILED "
            + "ShipmentFailed (the unit goes back to stock); a repeated report changes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrackingReport.class)))
    @APIResponse(responseCode = "204", description = "Recorded (or already known)")
    @APIResponse(responseCode = "401", description = "Missing or invalid signature; nothing changed")
    @APIResponse(responseCode = "503", description = "This instance has no webhook secret; nothing changed")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "The shipment cannot take this report")
    public Response track(@PathParam("id") UUID id, @HeaderParam(WebhookSignature.HEADER) String signature,
            byte[] body) throws IOException {
        TrackingReport report = bodies.read(signature, body, TrackingReport.class);
        bodies.requireNotFuture(report.at());
        outbox.appendAll(shipping.tracking(id, report.status(), report.reason(), report.at()));
        return Response.noContent().build();
    }
}
