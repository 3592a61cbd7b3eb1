package org.fieldsupport.dispatch.travel;

import java.util.List;

/**
 * Kilometres driven. A roving technician's day is one trip: from base through the sites of the day's visits in order
 * and back to base; its visits share it equally. Road distance is estimated from the great-circle distance with a
 * road factor, which is what is known without a routing service.
 */
public final class Trips {

    /** Road km per great-circle km: a usual ratio for regional roads in France. */
    public static final double ROAD_FACTOR = 1.3;

    private Trips() {
    }

    /** A point on the map. */
    public record Place(double latitude, double longitude) {
    }

    public static double roadKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * ROAD_FACTOR;
    }

    /** Base, each stop in order (a stop repeated in a row is one stop), base. */
    public static double tripKm(Place base, List<Place> stops) {
        double km = 0;
        Place at = base;
        for (Place stop : stops) {
            km += roadKm(at.latitude(), at.longitude(), stop.latitude(), stop.longitude());
            at = stop;
        }
        return km + roadKm(at.latitude(), at.longitude(), base.latitude(), base.longitude());
    }

    /** One visit's share of a trip of {@code visits} visits, to the metre. */
    public static double share(double tripKm, int visits) {
        return visits == 0 ? 0 : Math.round(tripKm / visits * 1000) / 1000.0;
    }
}
