package org.fieldsupport.dispatch.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.technicians.Presence;

class RotaAdviceTest {

    static final SiteHours NANCY = new SiteHours(BusinessCalendar.of("FR-54", ZoneId.of("Europe/Paris")),
            LocalTime.of(8, 30), LocalTime.of(12, 30), LocalTime.of(13, 30), LocalTime.of(17, 30));
    static final Duration HOUR = Duration.ofHours(1);

    static Map<DayOfWeek, Presence> rota(Presence mon, Presence tue, Presence wed, Presence thu, Presence fri) {
        Map<DayOfWeek, Presence> rota = new EnumMap<>(DayOfWeek.class);
        rota.put(DayOfWeek.MONDAY, mon);
        rota.put(DayOfWeek.TUESDAY, tue);
        rota.put(DayOfWeek.WEDNESDAY, wed);
        rota.put(DayOfWeek.THURSDAY, thu);
        rota.put(DayOfWeek.FRIDAY, fri);
        return rota;
    }

    /** Three Monday afternoons (14:00) and two Tuesday mornings (09:00) of October 2025, Paris time (UTC+2). */
    static final List<Instant> ESCALATIONS = List.of(Instant.parse("2025-10-06T12:00:00Z"),
            Instant.parse("2025-10-07T07:00:00Z"), Instant.parse("2025-10-13T12:00:00Z"),
            Instant.parse("2025-10-14T07:00:00Z"), Instant.parse("2025-10-20T12:00:00Z"));

    static final Map<DayOfWeek, Presence> CURRENT = rota(Presence.MORNING, Presence.AFTERNOON, Presence.MORNING,
            Presence.AFTERNOON, Presence.AFTERNOON);

    @Test
    void theCurrentRotaIsReplayedByHand() {
        // Monday 14:00 with the OSS there on Monday morning: next there Tuesday afternoon, two half-days on (not
        // within the half-day), after 3.5 h of Monday afternoon and 4 h of Tuesday morning: 7.5 h.
        // Tuesday 09:00 with the OSS there Tuesday afternoon: the next half-day (within), after 3.5 h.
        RotaAdvice.Outcome current = RotaAdvice.evaluate(ESCALATIONS, NANCY, HOUR, CURRENT);
        assertThat(current.servedWithinHalfDay()).isEqualTo(2);
        assertThat(current.averageWaitingHours()).isEqualTo((3 * 7.5 + 2 * 3.5) / 5);
    }

    @Test
    void theAdviceFollowsWhenTheEscalationsCome() {
        RotaAdvice.Advice advice = RotaAdvice.advise(ESCALATIONS, NANCY, HOUR, CURRENT);
        assertThat(advice.escalations()).isEqualTo(5);
        // Monday afternoon and Tuesday morning serve all five at once; the days without escalations keep the
        // current rota (no change without a reason).
        assertThat(advice.proposed().rota()).isEqualTo(rota(Presence.AFTERNOON, Presence.MORNING, Presence.MORNING,
                Presence.AFTERNOON, Presence.AFTERNOON));
        assertThat(advice.proposed().servedWithinHalfDay()).isEqualTo(5);
        assertThat(advice.proposed().averageWaitingHours()).isZero();

        RotaAdvice.DayFigures monday = advice.days().get(0);
        assertThat(monday.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(monday.escalationsInAfternoon()).isEqualTo(3);
        assertThat(monday.escalationsInMorning()).isZero();
        assertThat(monday.current()).isEqualTo(Presence.MORNING);
        assertThat(monday.proposed()).isEqualTo(Presence.AFTERNOON);
        // Monday morning instead, Tuesday morning kept: Monday's three wait 3.5 h for Tuesday morning, still the
        // next half-day.
        assertThat(monday.ifMorning().servedWithinHalfDay()).isEqualTo(5);
        assertThat(monday.ifMorning().averageWaitingHours()).isEqualTo(3 * 3.5 / 5);
        assertThat(monday.ifAfternoon()).isEqualTo(advice.proposed());
    }

    @Test
    void workingHoursCountOnlyTheHalfDaysOfBusinessDays() {
        // Friday 3 October 2025 16:30 to Monday 6 October 09:30, Paris: 1 h on Friday, 1 h on Monday.
        assertThat(RotaAdvice.workingHours(Instant.parse("2025-10-03T14:30:00Z"),
                Instant.parse("2025-10-06T07:30:00Z"), NANCY)).isEqualTo(2.0);
        // Over lunch: 12:00 to 14:00 is 30 min of morning and 30 min of afternoon.
        assertThat(RotaAdvice.workingHours(Instant.parse("2025-10-06T10:00:00Z"),
                Instant.parse("2025-10-06T12:00:00Z"), NANCY)).isEqualTo(1.0);
    }

    @Test
    void withNoEscalationTheCurrentRotaStands() {
        RotaAdvice.Advice advice = RotaAdvice.advise(List.of(), NANCY, HOUR, CURRENT);
        assertThat(advice.proposed().rota()).isEqualTo(CURRENT);
        assertThat(advice.current().averageWaitingHours()).isZero();
    }
}
