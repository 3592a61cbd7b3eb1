package org.fieldsupport.survey.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PilotCalendarTest {

    final PilotCalendar pilot = new PilotCalendar(ZoneId.of("Europe/Paris"), LocalDate.of(2025, 10, 1),
            LocalDate.of(2025, 12, 31));

    @Test
    void aMonthIsTheMonthInParisNotInUtc() {
        assertThat(pilot.monthOf(Instant.parse("2025-10-31T22:59:59Z"))).isEqualTo(YearMonth.of(2025, 10));
        // 31 October 23:00 UTC is 1 November 00:00 in Paris (winter time, UTC+1).
        assertThat(pilot.monthOf(Instant.parse("2025-10-31T23:00:00Z"))).isEqualTo(YearMonth.of(2025, 11));
        // 30 September 22:00 UTC is 1 October 00:00 in Paris (summer time, UTC+2).
        assertThat(pilot.monthOf(Instant.parse("2025-09-30T22:00:00Z"))).isEqualTo(YearMonth.of(2025, 10));
    }

    @Test
    void theWholePilotRunsFromOctoberToDecember() {
        assertThat(pilot.firstMonth()).isEqualTo(YearMonth.of(2025, 10));
        assertThat(pilot.lastMonth()).isEqualTo(YearMonth.of(2025, 12));
    }

    @Test
    void aPilotCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new PilotCalendar(ZoneId.of("Europe/Paris"), LocalDate.of(2025, 12, 31),
                LocalDate.of(2025, 10, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
