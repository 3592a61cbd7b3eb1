package org.fieldsupport.survey.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void oddCountMedianIsTheMiddleValue() {
        Distribution d = Distribution.of(List.of(3.0, 1.0, 2.0));
        assertThat(d.n()).isEqualTo(3);
        assertThat(d.median()).isEqualTo(2.0);
        // rank ⌈0.9 · 3⌉ = 3 → the largest.
        assertThat(d.p90()).isEqualTo(3.0);
    }

    @Test
    void evenCountMedianIsTheMeanOfTheTwoMiddleValues() {
        Distribution d = Distribution.of(List.of(4.0, 1.0, 3.0, 2.0));
        assertThat(d.median()).isEqualTo(2.5);
        assertThat(d.p90()).isEqualTo(4.0);
    }

    @Test
    void ninetiethPercentileOfOneToTenIsNineByNearestRank() {
        Distribution d = Distribution.of(List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0));
        assertThat(d.median()).isEqualTo(5.5);
        // rank ⌈0.9 · 10⌉ = 9.
        assertThat(d.p90()).isEqualTo(9.0);
        // Eleven values: rank ⌈9.9⌉ = 10.
        Distribution eleven = Distribution.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0));
        assertThat(eleven.median()).isEqualTo(6.0);
        assertThat(eleven.p90()).isEqualTo(10.0);
    }

    @Test
    void noValuesNoFigures() {
        Distribution d = Distribution.of(List.of());
        assertThat(d.n()).isZero();
        assertThat(d.median()).isNull();
        assertThat(d.p90()).isNull();
    }
}
