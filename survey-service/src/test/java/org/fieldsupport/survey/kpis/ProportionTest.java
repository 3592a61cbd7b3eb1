package org.fieldsupport.survey.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The 95% Wilson interval on hand-computed values (z = 1.96, z² = 3.8415). */
class ProportionTest {

    @Test
    void nineSatisfiedOutOfTen() {
        // p = 0.9, z²/n = 0.38415; centre = (0.9 + 0.19208) / 1.38415 = 0.78898;
        // half = 1.96 / 1.38415 · √(0.009 + 0.0096038) = 0.19314 → [0.5958, 0.9821].
        Proportion share = Proportion.of(9, 10, 30);
        assertThat(share.share()).isEqualTo(0.9);
        assertThat(share.low()).isCloseTo(0.5958, within(0.0001));
        assertThat(share.high()).isCloseTo(0.9821, within(0.0001));
        assertThat(share.enoughData()).isFalse();
        assertThat(share.warning()).contains("n = 10").contains("60%").contains("98%").contains("too few");
    }

    @Test
    void noneAndAllOfTenGiveIntervalsThatStayInsideZeroToOne() {
        // k = 0: [0, z²/(n + z²)] = [0, 3.8415 / 13.8415] = [0, 0.2775].
        Proportion none = Proportion.of(0, 10, 30);
        assertThat(none.low()).isCloseTo(0.0, within(1e-9));
        assertThat(none.high()).isCloseTo(0.2775, within(0.0001));
        // k = n: [n/(n + z²), 1] = [10 / 13.8415, 1] = [0.7225, 1].
        Proportion all = Proportion.of(10, 10, 30);
        assertThat(all.low()).isCloseTo(0.7225, within(0.0001));
        assertThat(all.high()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void ninetyFiveOfOneHundredIsEnoughToConclude() {
        // p = 0.95, z²/n = 0.038415; centre = (0.95 + 0.019208)/1.038415 = 0.93337;
        // half = 1.96/1.038415 · √(0.000475 + 0.00009604) = 0.04511 → [0.8883, 0.9785].
        Proportion share = Proportion.of(95, 100, 30);
        assertThat(share.low()).isCloseTo(0.8883, within(0.0001));
        assertThat(share.high()).isCloseTo(0.9785, within(0.0001));
        assertThat(share.enoughData()).isTrue();
        assertThat(share.warning()).isNull();
    }

    @Test
    void nothingMeasuredHasNoShareAndSaysSo() {
        Proportion empty = Proportion.of(0, 0, 30);
        assertThat(empty.share()).isNull();
        assertThat(empty.low()).isNull();
        assertThat(empty.high()).isNull();
        assertThat(empty.warning()).contains("n = 0");
    }

    @Test
    void moreSuccessesThanObservationsIsNotAProportion() {
        assertThatThrownBy(() -> Proportion.of(3, 2, 30)).isInstanceOf(IllegalArgumentException.class);
    }
}
