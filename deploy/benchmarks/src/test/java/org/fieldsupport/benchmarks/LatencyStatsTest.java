package org.fieldsupport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRank() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        assertThat(LatencyStats.percentile(values, 50)).isEqualTo(50);
        assertThat(LatencyStats.percentile(values, 99)).isEqualTo(99);
        assertThat(LatencyStats.percentile(values, 100)).isEqualTo(100);
        assertThat(LatencyStats.percentile(new double[] {7}, 99)).isEqualTo(7);
        assertThat(LatencyStats.percentile(new double[0], 50)).isNaN();
    }

    @Test
    void aSpreadIsTheMedianOfTheRunsWithTheirRange() {
        assertThat(LatencyStats.spread(List.of(30.0, 10.0, 20.0), "%.0f ms")).isEqualTo("20 ms (10 ms–30 ms, 3 runs)");
        assertThat(LatencyStats.spread(List.of(4.0, 1.0, 3.0, 2.0), "%.0f")).isEqualTo("2 (1–4, 4 runs)");
        assertThat(LatencyStats.spread(List.of(5.0), "%.1f")).isEqualTo("5.0 (1 run)");
        assertThat(LatencyStats.spread(List.of(), "%.1f")).isEqualTo("not measured");
    }

    @Test
    void ratiosAreSharesOfTheLimit() {
        assertThat(LatencyStats.ratio(1200, 3000)).isEqualTo("40%");
        assertThat(LatencyStats.ratio(1, 0)).isEqualTo("n/a");
    }
}
