package org.fieldsupport.dispatch.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.policies.HalfDay;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.promise.OssPresence;

class PlannerTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final SiteHours STRASBOURG = new SiteHours(BusinessCalendar.of("FR-67", PARIS), LocalTime.of(8, 30),
            LocalTime.of(12, 30), LocalTime.of(13, 30), LocalTime.of(17, 30));
    static final double STR_LAT = 48.5734;
    static final double STR_LON = 7.7521;
    static final Duration HOUR = Duration.ofHours(1);
    static final OssPresence NEVER = (d, h) -> false;

    @Test
    void aRovingTechnicianComesAfterTheTripFromBase() {
        // Base in Nancy: about 150 km by road, three hours from 08:30: too late for a morning visit.
        var nancyBase = new Planner.Candidate("T-1", 48.6921, 6.1844, false, NEVER, List.of());
        var slot = Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of(nancyBase)).orElseThrow();
        assertThat(slot.start()).isEqualTo(paris(7, 13, 30));
        assertThat(slot.travelKm()).isBetween(120.0, 200.0);
        assertThat(slot.keeps(endOfDay(8))).isTrue();
    }

    @Test
    void theEarliestSuitableTechnicianGetsIt() {
        var far = new Planner.Candidate("T-FAR", 48.6921, 6.1844, false, NEVER, List.of());
        var near = new Planner.Candidate("T-NEAR", 48.58, 7.75, false, NEVER, List.of());
        var slot = Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of(far, near)).orElseThrow();
        assertThat(slot.technicianId()).isEqualTo("T-NEAR");
        assertThat(slot.start()).isEqualTo(paris(7, 8, 45));
    }

    @Test
    void nothingOverlapsWhatTheTechnicianAlreadyHas() {
        var busy = List.of(new Planner.Busy(paris(7, 8, 30), paris(7, 12, 30), "STRASBOURG"));
        var near = new Planner.Candidate("T-NEAR", 48.58, 7.75, false, NEVER, busy);
        var slot = Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of(near)).orElseThrow();
        assertThat(slot.start()).isAfterOrEqualTo(paris(7, 13, 30));
        assertThat(slot.grouped()).isTrue();
    }

    @Test
    void anAbsenceBlocksItsTime() {
        var absence = List.of(new Planner.Busy(paris(7, 0, 0), paris(8, 0, 0), null));
        var near = new Planner.Candidate("T-NEAR", 48.58, 7.75, false, NEVER, absence);
        var slot = Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of(near)).orElseThrow();
        assertThat(slot.start()).isEqualTo(paris(8, 8, 45));
    }

    @Test
    void aVisitOnADayTheTechnicianIsAlreadyThereIsPreferredWhenItKeepsThePromise() {
        var elsewhereToday = List.of(new Planner.Busy(paris(7, 8, 30), paris(7, 9, 30), "SELESTAT"));
        var thereTomorrow = List.of(new Planner.Busy(paris(8, 8, 30), paris(8, 9, 30), "STRASBOURG"));
        var a = new Planner.Candidate("T-A", 48.58, 7.75, false, NEVER, elsewhereToday);
        var b = new Planner.Candidate("T-B", 48.58, 7.75, false, NEVER, thereTomorrow);
        var slot = Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of(a, b)).orElseThrow();
        assertThat(slot.technicianId()).isEqualTo("T-B");
        assertThat(slot.grouped()).isTrue();
        assertThat(slot.keeps(endOfDay(8))).isTrue();
    }

    @Test
    void anOnSiteTechnicianWorksOnlyTheHalfDaysOfTheRota() {
        OssPresence afternoons = (d, h) -> h == HalfDay.AFTERNOON;
        var oss = new Planner.Candidate("T-OSS", 0, 0, true, afternoons, List.of());
        var slot = Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of(oss)).orElseThrow();
        assertThat(slot.start()).isEqualTo(paris(7, 13, 30));
        assertThat(slot.travelKm()).isZero();
    }

    @Test
    void whenNoSlotKeepsThePromiseTheEarliestIsBookedAnyway() {
        var fullUntilFriday = List.of(new Planner.Busy(paris(7, 0, 0), paris(10, 0, 0), null));
        var near = new Planner.Candidate("T-NEAR", 48.58, 7.75, false, NEVER, fullUntilFriday);
        var slot = Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of(near)).orElseThrow();
        assertThat(slot.keeps(endOfDay(8))).isFalse();
        assertThat(slot.start()).isEqualTo(paris(10, 8, 45));
    }

    @Test
    void noCandidateNoSlot() {
        assertThat(Planner.plan(request(paris(7, 8, 0), endOfDay(8)), List.of())).isEmpty();
    }

    static Planner.Request request(Instant earliest, Instant deadline) {
        return new Planner.Request("STRASBOURG", STR_LAT, STR_LON, STRASBOURG, earliest, HOUR, deadline);
    }

    /** October 2025: the 7th is a Tuesday. */
    static Instant paris(int day, int hour, int minute) {
        return LocalDateTime.of(2025, 10, day, hour, minute).atZone(PARIS).toInstant();
    }

    static Instant endOfDay(int day) {
        return LocalDateTime.of(2025, 10, day + 1, 0, 0).atZone(PARIS).toInstant().minusNanos(1);
    }
}
