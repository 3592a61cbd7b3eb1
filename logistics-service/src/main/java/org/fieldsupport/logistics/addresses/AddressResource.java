package org.fieldsupport.logistics.addresses;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.logistics.shipments.Shipping;

/**
 * Delivery addresses (personal data). The desk records them; desk agents and logistics operators read them; anyone
 * of these may erase one. Recording an address releases the employee's shipments that were waiting for it.
 */
@Path("/employees/{employeeId}/delivery-address")
@Produces(MediaType.APPLICATION_JSON)
public class AddressResource {

    static final String EMPLOYEE_ID = "^[A-Za-z0-9._:-]{1,64}$";

    @Inject
    Clock clock;

    @Inject
    Shipping shipping;

    @Inject
    Outbox outbox;

    public record Address(@NotBlank @Size(max = 120) String recipientName, @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2, @NotBlank @Pattern(regexp = "^[A-Za-z0-9 -]{2,16}$") String postalCode,
            @NotBlank @Size(max = 100) String city, @NotNull @Pattern(regexp = "^[A-Z]{2}$") String country) {

        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DESK_AGENT)
    @Transactional
    @Operation(summary = "Record an employee's delivery address (desk agent)", description = "Personal data: kept "
            + "only here, never published. Shipments waiting for an address (AWAITING_ADDRESS) leave at once.")
    public Address put(@PathParam("employeeId") @Pattern(regexp = EMPLOYEE_ID) String employeeId,
            @Valid @NotNull Address address) {
        DeliveryAddress stored = DeliveryAddress.findById(employeeId);
        if (stored == null) {
            stored = new DeliveryAddress();
            stored.employeeId = employeeId;
        }
        stored.recipientName = address.recipientName();
        stored.line1 = address.line1();
        stored.line2 = address.line2();
        stored.postalCode = address.postalCode();
        stored.city = address.city();
        stored.country = address.country();
        stored.updatedAt = clock.instant();
        stored.persist();
        outbox.appendAll(shipping.addressRecorded(employeeId, clock.instant()));
        return address;
    }

    @GET
    @RolesAllowed({Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR})
    @Operation(summary = "Read an employee's delivery address (desk agent, logistics operator)")
    @APIResponse(responseCode = "404", description = "No address on file")
    public Address get(@PathParam("employeeId") @Pattern(regexp = EMPLOYEE_ID) String employeeId) {
        DeliveryAddress stored = DeliveryAddress.findById(employeeId);
        if (stored == null) {
            throw new DomainProblems.NotFound("No delivery address on file for this employee.");
        }
        return new Address(stored.recipientName, stored.line1, stored.line2, stored.postalCode, stored.city,
                stored.country);
    }

    @DELETE
    @RolesAllowed({Roles.DESK_AGENT, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "Erase an employee's delivery address (desk agent, logistics operator)")
    @APIResponse(responseCode = "204", description = "Erased, or there was none")
    public Response delete(@PathParam("employeeId") @Pattern(regexp = EMPLOYEE_ID) String employeeId) {
        DeliveryAddress.deleteById(employeeId);
        return Response.noContent().build();
    }
}
