package org.fieldsupport.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The arithmetic of the report: percentiles of measured latencies, medians and spreads of repeated runs. */
final class LatencyStats {

    private LatencyStats() {
    }

    /** The nearest-rank percentile (0 &lt; p ≤ 100) of the values; NaN when there are none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    /** "median (min–max, n runs)", the way the results page gives a figure measured several times. */
    static String spread(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "not measured";
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        if (sorted.size() == 1) {
            return String.format(Locale.ROOT, format, sorted.get(0)) + " (1 run)";
        }
        // The lower median for an even count, so the figure is one that was measured.
        return String.format(Locale.ROOT, format, sorted.get((sorted.size() - 1) / 2)) + " ("
                + String.format(Locale.ROOT, format, sorted.get(0)) + "–"
                + String.format(Locale.ROOT, format, sorted.get(sorted.size() - 1)) + ", " + sorted.size()
                + " runs)";
    }

    /** Our figure as a share of a limit: "42%" ; "n/a" when the limit is unknown. */
    static String ratio(double ours, double limit) {
        if (!(limit > 0) || Double.isNaN(ours)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * ours / limit);
    }
}
