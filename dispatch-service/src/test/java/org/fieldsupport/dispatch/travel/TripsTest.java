package org.fieldsupport.dispatch.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class TripsTest {

    static final Trips.Place METZ_BASE = new Trips.Place(49.1193, 6.1757);
    static final Trips.Place NANCY = new Trips.Place(48.6921, 6.1844);
    static final Trips.Place STRASBOURG = new Trips.Place(48.5734, 7.7521);

    @Test
    void aRoadKilometreIsTheGreatCircleDistanceTimesTheRoadFactor() {
        // Nancy to Strasbourg: about 126 km as the crow flies.
        double km = Trips.roadKm(NANCY.latitude(), NANCY.longitude(), STRASBOURG.latitude(), STRASBOURG.longitude());
        assertThat(km / Trips.ROAD_FACTOR).isCloseTo(116, within(12.0));
    }

    @Test
    void aTripGoesFromBaseThroughEachStopInOrderAndBack() {
        double out = Trips.roadKm(METZ_BASE.latitude(), METZ_BASE.longitude(), NANCY.latitude(), NANCY.longitude());
        double across = Trips.roadKm(NANCY.latitude(), NANCY.longitude(), STRASBOURG.latitude(),
                STRASBOURG.longitude());
        double back = Trips.roadKm(STRASBOURG.latitude(), STRASBOURG.longitude(), METZ_BASE.latitude(),
                METZ_BASE.longitude());
        assertThat(Trips.tripKm(METZ_BASE, List.of(NANCY, STRASBOURG))).isCloseTo(out + across + back,
                within(1e-9));
        // Two visits at the same site in a row are one stop: the second adds nothing.
        assertThat(Trips.tripKm(METZ_BASE, List.of(NANCY, NANCY))).isCloseTo(2 * out, within(1e-9));
        assertThat(Trips.tripKm(METZ_BASE, List.of())).isZero();
    }

    @Test
    void theVisitsOfATripShareItEqually() {
        assertThat(Trips.share(100, 3)).isEqualTo(33.333);
        assertThat(Trips.share(100, 0)).isZero();
    }
}
