package org.fieldsupport.logistics.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;

/** The custody log of one asset, oldest first (a locker bank's: {@code GET /lockers/{id}/custody}). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CustodyResource {

    /** One entry as served: the same for an asset and for a locker. */
    public record EntryView(String asset, String action, String actor, String site, String lockerId,
            String compartment, UUID returnId, UUID shipmentId, UUID ticketId, Instant at) {
        public static EntryView of(CustodyEntry e) {
            return new EntryView(e.asset, e.action, e.actor, e.site, e.lockerId, e.compartment, e.returnId,
                    e.shipmentId, e.ticketId, e.at);
        }
    }

    @GET
    @Path("custody")
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.DESK_AGENT, Roles.PILOT_MANAGER})
    @Operation(summary = "Custody of one asset (by tag, serial number or item code), oldest first")
    public List<EntryView> ofAsset(@QueryParam("asset") String asset) {
        if (asset == null || asset.isBlank()) {
            throw new DomainProblems.InvalidInput("asset is required.");
        }
        return CustodyEntry.<CustodyEntry> list("asset = ?1 order by id", asset).stream().map(EntryView::of)
                .toList();
    }
}
