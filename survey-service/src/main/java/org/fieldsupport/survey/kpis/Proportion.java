package org.fieldsupport.survey.kpis;

/**
 * A share {@code successes / n} with its 95% Wilson score interval, and whether n is large enough to support a
 * conclusion. With n = 0 the share and its interval are absent: there is nothing to measure.
 */
public record Proportion(long successes, long n, Double share, Double low, Double high, boolean enoughData,
        String warning) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static Proportion of(long successes, long n, long minimumN) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("Not a proportion: " + successes + "/" + n);
        }
        if (n == 0) {
            return new Proportion(0, 0, null, null, null, false, "No data: n = 0.");
        }
        double[] interval = wilson(successes, n, Z95);
        boolean enough = n >= minimumN;
        String warning = enough ? null
                : String.format(java.util.Locale.ROOT,
                        "Only n = %d: the true share lies somewhere between %.0f%% and %.0f%% (95%% interval); "
                                + "too few to support a conclusion (at least %d needed).",
                        n, interval[0] * 100, interval[1] * 100, minimumN);
        return new Proportion(successes, n, (double) successes / n, interval[0], interval[1], enough, warning);
    }

    /**
     * The Wilson score interval for {@code k} successes out of {@code n}: centre (p + z²/2n) / (1 + z²/n), half-width
     * z / (1 + z²/n) · √(p(1−p)/n + z²/4n²). Unlike the normal approximation it stays within [0, 1] and is usable
     * for small n and for shares near 0 or 1.
     */
    public static double[] wilson(long k, long n, double z) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
    }
}
