package org.fieldsupport.logistics.catalogue;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;

/** Reference data: the catalogue, what each site offers, and stock per location. Seeded by the launcher as admin. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    static final String CODE = "^[A-Z][A-Z0-9_-]{1,39}$";

    public record ItemDefinition(@NotBlank @Size(max = 100) String name, @NotNull Boolean blocksWork,
            @NotNull ParcelSize parcelSize) {
    }

    public record ItemView(String code, String name, boolean blocksWork, ParcelSize parcelSize) {
        static ItemView of(CatalogueItem item) {
            return new ItemView(item.code, item.name, item.blocksWork, item.parcelSize);
        }
    }

    public record SiteDefinition(@NotNull Boolean ossHandover) {
    }

    public record StockDefinition(@NotNull LocationKind locationKind, @Pattern(regexp = CODE) String site,
            @NotNull @Min(0) @Max(1_000_000) Integer available, @Min(0) @Max(1_000_000) Integer lowThreshold) {
    }

    public record StockView(String locationId, LocationKind locationKind, String site, String itemCode,
            int available, Integer lowThreshold) {
        static StockView of(StockLevel level) {
            return new StockView(level.locationId, level.locationKind, level.site, level.itemCode, level.available,
                    level.lowThreshold);
        }
    }

    @PUT
    @Path("catalogue/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "Define or update a catalogue item (admin, logistics operator)")
    public ItemView defineItem(@PathParam("code") @Pattern(regexp = CODE) String code,
            @Valid @NotNull ItemDefinition definition) {
        CatalogueItem item = CatalogueItem.findById(code);
        if (item == null) {
            item = new CatalogueItem();
            item.code = code;
        }
        item.name = definition.name();
        item.blocksWork = definition.blocksWork();
        item.parcelSize = definition.parcelSize();
        item.persist();
        return ItemView.of(item);
    }

    @GET
    @Path("catalogue")
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS_OPERATOR, Roles.DESK_AGENT, Roles.PILOT_MANAGER})
    @Operation(summary = "The catalogue")
    public List<ItemView> catalogue() {
        return CatalogueItem.<CatalogueItem> listAll().stream().map(ItemView::of)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    @PUT
    @Path("sites/{code}/logistics")
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "What a site offers for fast replacement (admin, logistics operator)",
            description = "ossHandover: an on-site technician can hand an accessory over from the site's stock.")
    public SiteDefinition defineSite(@PathParam("code") @Pattern(regexp = CODE) String code,
            @Valid @NotNull SiteDefinition definition) {
        SiteProfile profile = SiteProfile.findById(code);
        if (profile == null) {
            profile = new SiteProfile();
            profile.code = code;
        }
        profile.ossHandover = definition.ossHandover();
        profile.persist();
        return definition;
    }

    @PUT
    @Path("stock/{locationId}/{itemCode}")
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS_OPERATOR})
    @Transactional
    @Operation(summary = "Set the units of an item available at a location (admin, logistics operator)",
            description = "A SITE_STOCK location names its site; a CENTRAL_WAREHOUSE does not.")
    public StockView defineStock(@PathParam("locationId") @Pattern(regexp = CODE) String locationId,
            @PathParam("itemCode") @Pattern(regexp = CODE) String itemCode,
            @Valid @NotNull StockDefinition definition) {
        if (CatalogueItem.findById(itemCode) == null) {
            throw new DomainProblems.InvalidInput("Unknown catalogue item " + itemCode + ".");
        }
        boolean siteStock = definition.locationKind() == LocationKind.SITE_STOCK;
        if (siteStock != (definition.site() != null)) {
            throw new DomainProblems.InvalidInput("A SITE_STOCK location names its site; a CENTRAL_WAREHOUSE does "
                    + "not.");
        }
        StockLevel level = StockLevel.findById(new StockLevel.Key(locationId, itemCode),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (level == null) {
            level = new StockLevel();
            level.locationId = locationId;
            level.itemCode = itemCode;
        }
        level.locationKind = definition.locationKind();
        level.site = definition.site();
        level.available = definition.available();
        level.lowThreshold = definition.lowThreshold();
        level.lowReported = false;
        level.persist();
        return StockView.of(level);
    }

    @GET
    @Path("stock")
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS_OPERATOR, Roles.DESK_AGENT, Roles.PILOT_MANAGER})
    @Operation(summary = "Stock levels, optionally of one item")
    public List<StockView> stock(@QueryParam("itemCode") String itemCode) {
        List<StockLevel> levels = itemCode == null ? StockLevel.listAll()
                : StockLevel.list("itemCode", itemCode);
        return levels.stream().map(StockView::of)
                .sorted((a, b) -> (a.locationId() + a.itemCode()).compareTo(b.locationId() + b.itemCode()))
                .toList();
    }
}
