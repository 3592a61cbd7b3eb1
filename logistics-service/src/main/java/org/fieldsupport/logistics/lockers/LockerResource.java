package org.fieldsupport.logistics.lockers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

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
import jakarta.ws.rs.PUT;
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

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.logistics.custody.CustodyEntry;
import org.fieldsupport.logistics.custody.CustodyResource;

/** Locker banks: their definition (reference data), their occupancy, and deposits for pickup. */
@Path("/lockers")
@Produces(MediaType.APPLICATION_JSON)
public class LockerResource {

    static final String ID = "^[A-Z][A-Z0-9_-]{1,63}$";

    @Inject
    Lockers lockers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public record BankDefinition(@NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String site,
            @NotEmpty @Size(max = 200) List<@NotNull @Pattern(regexp = "^[A-Z0-9]{1,16}$") String> compartments) {
    }

    public record CompartmentView(String compartment, boolean occupied, Purpose purpose, Instant expiresAt) {
    }

    public record BankView(String lockerId, String site, List<CompartmentView> compartments) {
    }

    public record PickupRequest(@NotNull UUID shipmentId) {
    }

    public record DepositReceipt(UUID depositId, String lockerId, String compartment, String pickupCode,
            Instant expiresAt) {
    }

    @PUT
    @Path("/{lockerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "Define a locker bank and its compartments (admin, logistics operator)", description =
            "Adds compartments; those already known stay.")
    public BankView define(@PathParam("lockerId") @Pattern(regexp = ID) String lockerId,
            @Valid @NotNull BankDefinition definition) {
        lockers.defineBank(lockerId, definition.site(), definition.compartments());
        return view(lockerId, definition.site());
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.DESK_AGENT, Roles.TECHNICIAN, Roles.ADMIN})
    @Operation(summary = "Locker banks of a site, with each compartment's occupancy (never a code)")
    public List<BankView> ofSite(@QueryParam("site") String site) {
        List<LockerCompartment> all = site == null ? LockerCompartment.listAll()
                : LockerCompartment.list("site", site);
        Map<String, String> banks = new TreeMap<>();
        all.forEach(c -> banks.put(c.lockerId, c.site));
        return banks.entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    @POST
    @Path("/{lockerId}/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.TECHNICIAN})
    @Transactional
    @Operation(summary = "Deposit a LOCKER shipment's accessory for the employee's pickup (logistics operator, "
            + "technician)", description = "Takes a free compartment and returns the one-time pickup code, shown "
                    + "only here (stored hashed) and valid for logistics.lockers.pickup-validity. Publishes "
                    + "LockerDeposited (purpose PICKUP).")
    @APIResponse(responseCode = "201", description = "Deposited")
    @APIResponse(responseCode = "409", description = "The shipment is not a dispatched LOCKER one, or the bank is full")
    public Response deposit(@PathParam("lockerId") @Pattern(regexp = ID) String lockerId,
            @Valid @NotNull PickupRequest request, @Context SecurityContext security) {
        String role = security.isUserInRole(Roles.TECHNICIAN) ? "technician:" : "logistics:";
        Lockers.PickupDeposit deposit = lockers.depositForPickup(lockerId, request.shipmentId(),
                role + security.getUserPrincipal().getName(), clock.instant());
        outbox.appendAll(deposit.events());
        LockerDeposit stored = deposit.deposit();
        return Response.created(URI.create("/lockers/" + lockerId))
                .entity(new DepositReceipt(stored.id, lockerId, stored.compartment, deposit.pickupCode(),
                        stored.expiresAt))
                .build();
    }

    @GET
    @Path("/{lockerId}/custody")
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.DESK_AGENT, Roles.PILOT_MANAGER})
    @Operation(summary = "Every deposit, collection and expiry of one locker bank, oldest first")
    public List<CustodyResource.EntryView> custody(@PathParam("lockerId") @Pattern(regexp = ID) String lockerId) {
        return CustodyEntry.<CustodyEntry> list("lockerId = ?1 order by id", lockerId).stream()
                .map(CustodyResource.EntryView::of).toList();
    }

    private static BankView view(String lockerId, String site) {
        Map<String, LockerDeposit> live = LockerDeposit.<LockerDeposit> list("lockerId = ?1 and status = ?2",
                lockerId, DepositStatus.IN_LOCKER).stream()
                .collect(Collectors.toMap(d -> d.compartment, d -> d));
        Set<String> labels = LockerCompartment.<LockerCompartment> list("lockerId", lockerId).stream()
                .map(c -> c.compartment).collect(Collectors.toCollection(java.util.TreeSet::new));
        return new BankView(lockerId, site, labels.stream().map(label -> {
            LockerDeposit d = live.get(label);
            return new CompartmentView(label, d != null, d == null ? null : d.purpose,
                    d == null ? null : d.expiresAt);
        }).toList());
    }
}
