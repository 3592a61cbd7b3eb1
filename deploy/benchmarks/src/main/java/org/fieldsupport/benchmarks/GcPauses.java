package org.fieldsupport.benchmarks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's garbage-collection pauses so far, as its Micrometer registry publishes them on {@code /q/metrics}
 * ({@code jvm_gc_pause_seconds}, one series per collector, cause and action). Two readings give a scenario's pauses:
 * under load, a heap setting that saves memory can cost its time in collections (BENCHMARKS.md, session 13).
 */
record GcPauses(long minor, double minorSeconds, long major, double majorSeconds) {

    private static final Pattern SERIES = Pattern.compile(
            "^jvm_gc_pause_seconds_(count|sum)\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);

    /** From the Prometheus text of {@code /q/metrics}: minor and major collections, summed over collectors and causes. */
    static GcPauses parse(String prometheusText) {
        long minor = 0;
        long major = 0;
        double minorSeconds = 0;
        double majorSeconds = 0;
        Matcher m = SERIES.matcher(prometheusText);
        while (m.find()) {
            boolean isMajor = m.group(2).contains("action=\"end of major GC\"");
            double value = Double.parseDouble(m.group(3));
            if (m.group(1).equals("count")) {
                if (isMajor) {
                    major += (long) value;
                } else {
                    minor += (long) value;
                }
            } else if (isMajor) {
                majorSeconds += value;
            } else {
                minorSeconds += value;
            }
        }
        return new GcPauses(minor, minorSeconds, major, majorSeconds);
    }

    GcPauses since(GcPauses before) {
        return new GcPauses(minor - before.minor, minorSeconds - before.minorSeconds, major - before.major,
                majorSeconds - before.majorSeconds);
    }

    /** Such as "2.1% of the time paused (150 minor 3.1 s, 2 major 1.2 s)" for a window of {@code wallSeconds}. */
    String describe(double wallSeconds) {
        return String.format(Locale.ROOT, "%.1f%% of the time paused (%d minor %.1f s, %d major %.1f s)",
                100.0 * (minorSeconds + majorSeconds) / wallSeconds, minor, minorSeconds, major, majorSeconds);
    }
}
