package org.fieldsupport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GcPausesTest {

    private static final String BEFORE = """
            # HELP jvm_gc_pause_seconds Time spent in GC pause
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 100.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 2.5
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="GCLocker Initiated GC",gc="Copy"} 1.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="GCLocker Initiated GC",gc="Copy"} 0.01
            jvm_gc_pause_seconds_count{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 2.0
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.4
            jvm_gc_pause_seconds_max{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.3
            jvm_gc_memory_promoted_bytes_total 1.2E7
            """;

    private static final String AFTER = """
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 250.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 6.5
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="GCLocker Initiated GC",gc="Copy"} 1.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="GCLocker Initiated GC",gc="Copy"} 0.01
            jvm_gc_pause_seconds_count{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 3.0
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 1.4
            """;

    @Test
    void sumsEveryCauseOfEachKindAndIgnoresTheMaximum() {
        GcPauses pauses = GcPauses.parse(BEFORE);

        assertThat(pauses.minor()).isEqualTo(101);
        assertThat(pauses.minorSeconds()).isCloseTo(2.51, within(1e-9));
        assertThat(pauses.major()).isEqualTo(2);
        assertThat(pauses.majorSeconds()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void aWindowIsTheDifferenceOfTwoReadingsAsAShareOfItsTime() {
        GcPauses window = GcPauses.parse(AFTER).since(GcPauses.parse(BEFORE));

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
