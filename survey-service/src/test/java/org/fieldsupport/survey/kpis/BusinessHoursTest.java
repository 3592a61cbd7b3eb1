package org.fieldsupport.survey.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.time.BusinessCalendar;

/** Business hours 08:30–12:30 and 13:30–17:30 on the site's business days, Europe/Paris. */
class BusinessHoursTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final BusinessHours STRASBOURG = hours("FR-67");
    static final BusinessHours DIJON = hours("FR-21");

    static BusinessHours hours(String region) {
        return new BusinessHours(BusinessCalendar.of(region, PARIS), BusinessHours.parse("08:30-12:30,13:30-17:30"));
    }

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void withinOneDayTheLunchBreakIsNotCounted() {
        // 10:00–12:30 = 2.5 h, 13:30–15:00 = 1.5 h.
        assertThat(DIJON.hoursBetween(paris("2025-10-08T10:00"), paris("2025-10-08T15:00"))).isEqualTo(4.0);
    }

    @Test
    void aWeekendIsNotCounted() {
        // Friday 17:00–17:30 = 0.5 h, Monday 08:30–09:00 = 0.5 h.
        assertThat(DIJON.hoursBetween(paris("2025-10-10T17:00"), paris("2025-10-13T09:00"))).isEqualTo(1.0);
    }

    @Test
    void theTwentySixthOfDecemberIsOffInStrasbourgOnly() {
        // Wednesday 24 December 16:00 to Monday 29 December 10:00: 1.5 h + 1.5 h; Dijon also works Friday 26 (8 h).
        Instant from = paris("2025-12-24T16:00");
        Instant to = paris("2025-12-29T10:00");
        assertThat(STRASBOURG.hoursBetween(from, to)).isEqualTo(3.0);
        assertThat(DIJON.hoursBetween(from, to)).isEqualTo(11.0);
    }

    @Test
    void outsideServiceHoursNothingIsCounted() {
        assertThat(DIJON.hoursBetween(paris("2025-10-08T18:00"), paris("2025-10-09T08:00"))).isZero();
        assertThat(DIJON.hoursBetween(paris("2025-10-09T08:00"), paris("2025-10-08T18:00"))).isZero();
    }

    @Test
    void acrossTheEndOfSummerTimeHoursAreLocalHours() {
        // Friday 24 October 17:00 (UTC+2) to Monday 27 October 09:00 (UTC+1): still 0.5 h + 0.5 h.
        assertThat(DIJON.hoursBetween(paris("2025-10-24T17:00"), paris("2025-10-27T09:00"))).isEqualTo(1.0);
    }

    @Test
    void businessDaysOfThePilotMonths() {
        // October 2025: 23 weekdays, no holiday. November: 20 weekdays less Tuesday 11 November = 19.
        // December: 23 weekdays less Thursday 25 = 22; Strasbourg also less Friday 26 = 21.
        assertThat(DIJON.businessDays(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31))).isEqualTo(23);
        assertThat(DIJON.businessDays(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30))).isEqualTo(19);
        assertThat(DIJON.businessDays(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31))).isEqualTo(22);
        assertThat(STRASBOURG.businessDays(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31))).isEqualTo(21);
    }
}
