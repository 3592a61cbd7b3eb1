package org.fieldsupport.survey.kpis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median and 90th percentile of durations in business hours. Median: the middle value, or the mean of the two middle
 * values when n is even. 90th percentile: nearest rank, the value at rank ⌈0.9·n⌉ of the sorted values (so it is
 * always an observed duration). Absent when n = 0.
 */
public record Distribution(long n, Double median, Double p90) {

    public static Distribution of(List<Double> values) {
        if (values.isEmpty()) {
            return new Distribution(0, null, null);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        int rank = (int) Math.ceil(0.9 * n);
        double p90 = sorted.get(Math.max(rank, 1) - 1);
        return new Distribution(n, median, p90);
    }
}
