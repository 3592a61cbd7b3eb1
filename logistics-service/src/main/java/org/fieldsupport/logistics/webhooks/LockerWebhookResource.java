package org.fieldsupport.logistics.webhooks;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.logistics.lockers.Lockers;

/** The locker controller's door events (vendor-neutral), authenticated by their HMAC signature. */
@Path("/lockers/{lockerId}/door-events")
public class LockerWebhookResource {

    @Inject
    WebhookBodies bodies;

    @Inject
    Lockers lockers;

    @Inject
    Outbox outbox;

    /** DEPOSITED: an employee put a return in (returnId). COLLECTED: emptied with a pickup code, or by staff. */
    public enum DoorEventType {
        DEPOSITED, COLLECTED
    }

    public record DoorEvent(@NotNull DoorEventType event, @NotNull @Pattern(regexp = "^[A-Z0-9]{1,16}$")
            String compartment, UUID returnId, @Pattern(regexp = "^[0-9]{8}$") String code,
            @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$") String actor, @NotNull Instant at) {
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Locker door event (signed webhook)", description = "Signed with X-Signature: sha256=<hex "
            + "HMAC-SHA256 of the raw body>. DEPOSITED with returnId: an employee's return (LockerDeposited, "
            + "RETURN). COLLECTED with the one-time code: the employee's pickup (LockerCollected and "
            + "ShipmentDelivered); COLLECTED with actor: logistics staff took a return (LockerCollected, RETURN).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DoorEvent.class)))
    @APIResponse(responseCode = "204", description = "Recorded (or a repeat of what was recorded)")
    @APIResponse(responseCode = "401", description = "Missing or invalid signature; nothing changed")
    @APIResponse(responseCode = "503", description = "This instance has no webhook secret; nothing changed")
    @APIResponse(responseCode = "409", description = "The compartment's state does not allow this event")
    @APIResponse(responseCode = "422", description = "Wrong, used or expired pickup code; nothing changed")
    public Response doorEvent(@PathParam("lockerId") String lockerId,
            @HeaderParam(WebhookSignature.HEADER) String signature, byte[] body) throws IOException {
        DoorEvent event = bodies.read(signature, body, DoorEvent.class);
        bodies.requireNotFuture(event.at());
        switch (event.event()) {
            case DEPOSITED -> {
                if (event.returnId() == null) {
                    throw new DomainProblems.InvalidInput("A DEPOSITED door event names the returnId.");
                }
                outbox.appendAll(lockers.returnDeposited(lockerId, event.compartment(), event.returnId(),
                        event.at()));
            }
            case COLLECTED -> outbox.appendAll(lockers.collected(lockerId, event.compartment(), event.code(),
                    event.actor(), event.at()));
        }
        return Response.noContent().build();
    }
}
