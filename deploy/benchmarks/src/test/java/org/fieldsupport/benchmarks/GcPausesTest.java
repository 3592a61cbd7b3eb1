package org.fieldsupport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GcPausesTest {

    /** What Micrometer's Prometheus registry publishes for a SerialGC JVM, with two causes of minor collections. */
    private static String metrics(int minor, double minorSeconds, int major, double majorSeconds) {
        String minorSeries = "{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"}";
        String lockerSeries = "{action=\"end of minor GC\",cause=\"GCLocker Initiated GC\",gc=\"Copy\"}";
        String majorSeries = "{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"}";
        return "# HELP jvm_gc_pause_seconds Time spent in GC pause\n"
                + "# TYPE jvm_gc_pause_seconds summary\n"
                + "jvm_gc_pause_seconds_count" + minorSeries + " " + minor + ".0\n"
                + "jvm_gc_pause_seconds_sum" + minorSeries + " " + minorSeconds + "\n"
                + "jvm_gc_pause_seconds_count" + lockerSeries + " 1.0\n"
                + "jvm_gc_pause_seconds_sum" + lockerSeries + " 0.01\n"
                + "jvm_gc_pause_seconds_count" + majorSeries + " " + major + ".0\n"
                + "jvm_gc_pause_seconds_sum" + majorSeries + " " + majorSeconds + "\n"
                + "jvm_gc_pause_seconds_max" + majorSeries + " 0.3\n"
                + "jvm_gc_memory_promoted_bytes_total 1.2E7\n";
    }

    @Test
    void sumsEveryCauseOfEachKindAndIgnoresTheMaximum() {
        GcPauses pauses = GcPauses.parse(metrics(100, 2.5, 2, 0.4));

        assertThat(pauses.minor()).isEqualTo(101);
        assertThat(pauses.minorSeconds()).isCloseTo(2.51, within(1e-9));
        assertThat(pauses.major()).isEqualTo(2);
        assertThat(pauses.majorSeconds()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void aWindowIsTheDifferenceOfTwoReadingsAsAShareOfItsTime() {
        GcPauses window = GcPauses.parse(metrics(250, 6.5, 3, 1.4)).since(GcPauses.parse(metrics(100, 2.5, 2, 0.4)));

        assertThat(window.minor()).isEqualTo(150);
        assertThat(window.minorSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(window.major()).isEqualTo(1);
        assertThat(window.majorSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(window.describe(100)).isEqualTo("5.0% of the time paused (150 minor 4.0 s, 1 major 1.0 s)");
    }

    @Test
    void aServiceWithoutCollectionsYetHasNone() {
        assertThat(GcPauses.parse("jvm_memory_used_bytes{area=\"heap\",id=\"eden space\"} 1.0E7\n"))
                .isEqualTo(new GcPauses(0, 0, 0, 0));
    }
}
