package org.fieldsupport.chassis.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final BusinessCalendar strasbourg = BusinessCalendar.of("FR-67", PARIS);
    final BusinessCalendar dijon = BusinessCalendar.of("FR-21", PARIS);
    final BusinessCalendar nancy = BusinessCalendar.of("FR-54", PARIS);

    @Test
    void alsaceMoselleHasGoodFridayAndSaintStephensDay() {
        assertThat(strasbourg.isBusinessDay(LocalDate.of(2025, 4, 18))).isFalse();
        assertThat(strasbourg.isBusinessDay(LocalDate.of(2025, 12, 26))).isFalse();
        assertThat(nancy.isBusinessDay(LocalDate.of(2025, 4, 18))).isTrue();
        assertThat(dijon.isBusinessDay(LocalDate.of(2025, 12, 26))).isTrue();
    }

    @Test
    void nationalHolidaysAndWeekendsAreNotBusinessDays() {
        assertThat(dijon.isBusinessDay(LocalDate.of(2025, 12, 25))).isFalse();
        assertThat(dijon.isBusinessDay(LocalDate.of(2025, 11, 11))).isFalse();
        assertThat(dijon.isBusinessDay(LocalDate.of(2025, 11, 1))).isFalse();
        assertThat(dijon.isBusinessDay(LocalDate.of(2025, 10, 4))).isFalse();
        assertThat(dijon.isBusinessDay(LocalDate.of(2025, 10, 6))).isTrue();
        assertThat(BusinessCalendar.of("FR", PARIS).isBusinessDay(LocalDate.of(2026, 5, 1))).isFalse();
    }

    @Test
    void theNextBusinessDayAfterChristmasEveDependsOnTheRegion() {
        LocalDate christmasEve = LocalDate.of(2025, 12, 24);
        assertThat(strasbourg.plusBusinessDays(christmasEve, 1)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(dijon.plusBusinessDays(christmasEve, 1)).isEqualTo(LocalDate.of(2025, 12, 26));
    }

    @Test
    void countingBackSkipsTheSameDays() {
        assertThat(strasbourg.minusBusinessDays(LocalDate.of(2025, 12, 29), 1)).isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(dijon.minusBusinessDays(LocalDate.of(2025, 12, 29), 1)).isEqualTo(LocalDate.of(2025, 12, 26));
        assertThat(dijon.minusBusinessDays(LocalDate.of(2025, 10, 13), 5)).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    @Test
    void daysStartAndEndAtTheSitesMidnightAcrossDaylightSaving() {
        // 26 October 2025: clocks go back at 03:00, the day lasts 25 hours.
        LocalDate longDay = LocalDate.of(2025, 10, 26);
        assertThat(strasbourg.startOf(longDay)).isEqualTo(Instant.parse("2025-10-25T22:00:00Z"));
        assertThat(strasbourg.endOf(longDay)).isEqualTo(Instant.parse("2025-10-26T22:59:59.999999999Z"));
        assertThat(strasbourg.dateOf(Instant.parse("2025-10-26T23:30:00Z"))).isEqualTo(LocalDate.of(2025, 10, 27));
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.of("France", PARIS)).isInstanceOf(IllegalArgumentException.class);
    }
}
