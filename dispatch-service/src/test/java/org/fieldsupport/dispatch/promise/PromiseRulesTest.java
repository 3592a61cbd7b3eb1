package org.fieldsupport.dispatch.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.dispatch.policies.HalfDay;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.policies.SupportMode;

class PromiseRulesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Duration HOUR = Duration.ofHours(1);
    static final SiteHours STRASBOURG = hours("FR-67");
    static final SiteHours NANCY = hours("FR-54");
    static final SiteHours DIJON = hours("FR-21");
    /** Nancy's OSS: Monday and Wednesday mornings, Tuesday, Thursday and Friday afternoons. */
    static final OssPresence NANCY_ROTA = (day, half) -> switch (day.getDayOfWeek()) {
        case MONDAY, WEDNESDAY -> half == HalfDay.MORNING;
        case TUESDAY, THURSDAY, FRIDAY -> half == HalfDay.AFTERNOON;
        default -> false;
    };

    @Test
    void christmasEveAtStrasbourgIsDueMonday29AndAtDijonFriday26() {
        Instant escalated = paris(2025, 12, 24, 10, 0);
        assertThat(roving(STRASBOURG, escalated)).isEqualTo(endOfDay(2025, 12, 29));
        assertThat(roving(DIJON, escalated)).isEqualTo(endOfDay(2025, 12, 26));
    }

    @Test
    void goodFridayIsAHolidayOnlyInAlsaceMoselle() {
        Instant thursday = paris(2025, 4, 17, 15, 0);
        assertThat(roving(STRASBOURG, thursday)).isEqualTo(endOfDay(2025, 4, 22));
        assertThat(roving(NANCY, thursday)).isEqualTo(endOfDay(2025, 4, 18));
    }

    @Test
    void lateOnFridayIsDueMonday() {
        assertThat(roving(DIJON, paris(2025, 10, 10, 19, 45))).isEqualTo(endOfDay(2025, 10, 13));
        assertThat(roving(DIJON, paris(2025, 10, 11, 9, 0))).isEqualTo(endOfDay(2025, 10, 13));
    }

    @Test
    void onTheEveOfAHolidayTheHolidayIsSkipped() {
        // Monday 10 November 2025, eve of Armistice Day.
        assertThat(roving(NANCY, paris(2025, 11, 10, 16, 0))).isEqualTo(endOfDay(2025, 11, 12));
    }

    @Test
    void acrossTheChangeToWinterTimeTheDayEndsAtLocalMidnight() {
        // Saturday 25 October 2025; clocks go back on Sunday 26; Monday 27 ends at 23:00 UTC.
        assertThat(roving(DIJON, paris(2025, 10, 25, 11, 0))).isEqualTo(Instant.parse("2025-10-27T22:59:59.999999999Z"));
    }

    @Test
    void acrossTheChangeToSummerTimeTheHoursStayLocal() {
        // Friday 27 March 2026, 16:00 in Paris (UTC+1); clocks go forward on Sunday 29. J+1 is the end of Monday 30,
        // 22:00 UTC; the OSS's Monday morning ends at 12:30 local time, 10:30 UTC.
        Instant fridayAfternoon = paris(2026, 3, 27, 16, 0);
        assertThat(fridayAfternoon).isEqualTo(Instant.parse("2026-03-27T15:00:00Z"));
        assertThat(roving(STRASBOURG, fridayAfternoon)).isEqualTo(Instant.parse("2026-03-30T21:59:59.999999999Z"));
        assertThat(halfTime(paris(2026, 3, 27, 17, 0), NANCY_ROTA)).isEqualTo(Instant.parse("2026-03-30T10:30:00Z"));
    }

    @Test
    void meetingRoomsAreDueTheNextBusinessDayWhateverTheMode() {
        Instant monday = paris(2025, 10, 6, 9, 0);
        assertThat(PromiseRules.deadline(SupportMode.HALF_TIME_OSS, InterventionKind.MEETING_ROOM, NANCY, monday,
                HOUR, NANCY_ROTA)).isEqualTo(endOfDay(2025, 10, 7));
    }

    @Test
    void withTheOssPresentThisMorningTheDeadlineIsTheEndOfTheMorning() {
        Instant mondayNine = paris(2025, 10, 6, 9, 0);
        assertThat(halfTime(mondayNine, NANCY_ROTA)).isEqualTo(paris(2025, 10, 6, 12, 30));
    }

    @Test
    void tooLateInThePresentHalfDayItIsTheNextHalfDayWithTheOss() {
        Instant mondayNoon = paris(2025, 10, 6, 12, 0);
        assertThat(halfTime(mondayNoon, NANCY_ROTA)).isEqualTo(paris(2025, 10, 7, 17, 30));
        Instant mondayEvening = paris(2025, 10, 6, 19, 0);
        assertThat(halfTime(mondayEvening, NANCY_ROTA)).isEqualTo(paris(2025, 10, 7, 17, 30));
    }

    @Test
    void anAbsentOssMovesTheDeadlineToTheirNextPresence() {
        OssPresence sickOnTuesday = (day, half) -> !day.equals(LocalDate.of(2025, 10, 7))
                && NANCY_ROTA.present(day, half);
        assertThat(halfTime(paris(2025, 10, 6, 13, 0), sickOnTuesday)).isEqualTo(paris(2025, 10, 8, 12, 30));
    }

    @Test
    void withNoPresenceForAMonthTheJPlusOnePromiseApplies() {
        assertThat(halfTime(paris(2025, 10, 6, 13, 0), (day, half) -> false)).isEqualTo(endOfDay(2025, 10, 7));
    }

    @Test
    void aHolidayIsNotAHalfDayOfPresence() {
        // Tuesday 11 November 2025 is a holiday: from Monday afternoon, the next presence is Wednesday morning.
        assertThat(halfTime(paris(2025, 11, 10, 14, 0), NANCY_ROTA)).isEqualTo(paris(2025, 11, 12, 12, 30));
        assertThat(LocalDate.of(2025, 11, 11).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    static Instant roving(SiteHours site, Instant escalated) {
        return PromiseRules.deadline(SupportMode.ROVING, InterventionKind.ON_SITE, site, escalated, HOUR,
                (day, half) -> false);
    }

    static Instant halfTime(Instant escalated, OssPresence presence) {
        return PromiseRules.deadline(SupportMode.HALF_TIME_OSS, InterventionKind.ON_SITE, NANCY, escalated, HOUR,
                presence);
    }

    static SiteHours hours(String region) {
        return new SiteHours(BusinessCalendar.of(region, PARIS), LocalTime.of(8, 30), LocalTime.of(12, 30),
                LocalTime.of(13, 30), LocalTime.of(17, 30));
    }

    static Instant paris(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(PARIS).toInstant();
    }

    static Instant endOfDay(int y, int m, int d) {
        return LocalDate.of(y, m, d).plusDays(1).atStartOfDay(PARIS).toInstant().minusNanos(1);
    }
}
