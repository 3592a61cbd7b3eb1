package org.fieldsupport.logistics.shipments;

import java.util.ArrayList;
import java.util.List;

/**
 * How an accessory is sent. One that does not block work goes by standard parcel to the employee's home. One that
 * blocks work (a headset) takes the fastest option the site has: a locker compartment (open at any hour) or the
 * on-site technician's hand-over, both from the site's own stock; else an express parcel. Meanwhile the employee may
 * work in the quiet bubble room.
 */
public final class FulfilmentRules {

    private FulfilmentRules() {
    }

    /** What the site can offer right now. */
    public record SiteOptions(boolean freeLockerCompartment, boolean ossHandover) {
    }

    /** The methods to try, fastest first; the last one ships from the central warehouse. */
    public static List<ShipmentMethod> preferences(boolean blocksWork, SiteOptions site) {
        if (!blocksWork) {
            return List.of(ShipmentMethod.STANDARD_PARCEL);
        }
        List<ShipmentMethod> methods = new ArrayList<>();
        if (site.freeLockerCompartment()) {
            methods.add(ShipmentMethod.LOCKER);
        }
        if (site.ossHandover()) {
            methods.add(ShipmentMethod.OSS_HANDOVER);
        }
        methods.add(ShipmentMethod.EXPRESS_PARCEL);
        return methods;
    }

    public static InterimArrangement interimFor(boolean blocksWork) {
        return blocksWork ? InterimArrangement.BUBBLE_ROOM : InterimArrangement.NONE;
    }

    /** kg CO2e of the parcel: none for the site's own stock, the size's factor for a parcel, more for express. */
    public static double co2eKg(ShipmentMethod method, double kgPerParcelOfSize, double expressFactor) {
        double kg = switch (method) {
            case STANDARD_PARCEL -> kgPerParcelOfSize;
            case EXPRESS_PARCEL -> kgPerParcelOfSize * expressFactor;
            case OSS_HANDOVER, LOCKER -> 0.0;
        };
        return Math.round(kg * 1000) / 1000.0;
    }
}
