package org.fieldsupport.logistics.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.fieldsupport.logistics.shipments.FulfilmentRules.SiteOptions;

class FulfilmentRulesTest {

    @Test
    void anAccessoryThatDoesNotBlockWorkGoesByStandardParcelWhateverTheSiteHas() {
        assertThat(FulfilmentRules.preferences(false, new SiteOptions(true, true)))
                .containsExactly(ShipmentMethod.STANDARD_PARCEL);
        assertThat(FulfilmentRules.interimFor(false)).isEqualTo(InterimArrangement.NONE);
    }

    @Test
    void aHeadsetTakesTheFastestOptionOfTheSiteThenExpress() {
        assertThat(FulfilmentRules.preferences(true, new SiteOptions(true, true)))
                .containsExactly(ShipmentMethod.LOCKER, ShipmentMethod.OSS_HANDOVER, ShipmentMethod.EXPRESS_PARCEL);
        assertThat(FulfilmentRules.preferences(true, new SiteOptions(false, true)))
                .containsExactly(ShipmentMethod.OSS_HANDOVER, ShipmentMethod.EXPRESS_PARCEL);
        assertThat(FulfilmentRules.preferences(true, new SiteOptions(false, false)))
                .containsExactly(ShipmentMethod.EXPRESS_PARCEL);
        assertThat(FulfilmentRules.interimFor(true)).isEqualTo(InterimArrangement.BUBBLE_ROOM);
    }

    @Test
    void onlyParcelsNeedAnAddressAndOnlySiteMethodsUseSiteStock() {
        assertThat(ShipmentMethod.STANDARD_PARCEL.needsAddress()).isTrue();
        assertThat(ShipmentMethod.EXPRESS_PARCEL.needsAddress()).isTrue();
        assertThat(ShipmentMethod.LOCKER.needsAddress()).isFalse();
        assertThat(ShipmentMethod.OSS_HANDOVER.fromSiteStock()).isTrue();
        assertThat(ShipmentMethod.EXPRESS_PARCEL.fromSiteStock()).isFalse();
    }

    @Test
    void parcelCo2eFollowsTheSizeFactorAndExpressCostsMore() {
        assertThat(FulfilmentRules.co2eKg(ShipmentMethod.STANDARD_PARCEL, 0.6, 2.0)).isEqualTo(0.6);
        assertThat(FulfilmentRules.co2eKg(ShipmentMethod.EXPRESS_PARCEL, 0.3, 2.0)).isEqualTo(0.6);
        assertThat(FulfilmentRules.co2eKg(ShipmentMethod.LOCKER, 0.3, 2.0)).isZero();
        assertThat(FulfilmentRules.co2eKg(ShipmentMethod.OSS_HANDOVER, 0.3, 2.0)).isZero();
        assertThat(FulfilmentRules.co2eKg(ShipmentMethod.EXPRESS_PARCEL, 0.1234, 3.0)).isEqualTo(0.37);
    }
}
