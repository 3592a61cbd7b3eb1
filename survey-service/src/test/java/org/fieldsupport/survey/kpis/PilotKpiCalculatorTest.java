package org.fieldsupport.survey.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldsupport.survey.kpis.BusinessHoursTest.paris;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.fieldsupport.survey.pilot.PilotEvent;

/**
 * A hand-made Strasbourg month by month. Business hours 08:30–12:30 and 13:30–17:30; Strasbourg's calendar (FR-67).
 * T1 is escalated on Friday 31 October and served on Monday 3 November: escalated in October, resolved and
 * intervened in November.
 */
class PilotKpiCalculatorTest {

    static final String S = "STRASBOURG";
    static final YearMonth OCT = YearMonth.of(2025, 10);
    static final YearMonth NOV = YearMonth.of(2025, 11);
    static final YearMonth DEC = YearMonth.of(2025, 12);

    final PilotKpiCalculator calculator = new PilotKpiCalculator(ZoneId.of("Europe/Paris"),
            Map.of(S, BusinessHoursTest.STRASBOURG, "DIJON", BusinessHoursTest.DIJON), BusinessHoursTest.DIJON, 30,
            Map.of("STANDARD_PARCEL", 0.5, "EXPRESS_PARCEL", 1.0), Map.of(S, 4L));

    final UUID t1 = UUID.randomUUID();
    final UUID t2 = UUID.randomUUID();
    final UUID t3 = UUID.randomUUID();
    final UUID t4 = UUID.randomUUID();
    final UUID t5 = UUID.randomUUID();
    final List<PilotEvent> events = new ArrayList<>();
    final List<SurveyOutcome> surveys = new ArrayList<>();

    PilotKpiCalculatorTest() {
        events.add(ev("TicketOpened", t1, "2025-10-30T09:00"));
        events.add(ev("TicketEscalated", t1, "2025-10-31T16:00").withKind("ON_SITE"));
        events.add(ev("InterventionScheduled", t1, "2025-10-31T16:05").withIntervention("I1", "ON_SITE")
                .withPromise(paris("2025-11-03T23:59:59"), true));
        events.add(ev("InterventionStarted", t1, "2025-11-03T09:30").withIntervention("I1", null));
        events.add(ev("InterventionCompleted", t1, "2025-11-03T10:15").withIntervention("I1", "ON_SITE")
                .withTravel(38.5, 7.45).withOutcome("FIXED"));
        events.add(ev("TicketResolved", t1, "2025-11-03T10:20").withRemote(false));

        events.add(ev("TicketOpened", t2, "2025-11-04T09:00"));
        events.add(ev("TicketResolved", t2, "2025-11-04T09:30").withRemote(true));

        events.add(ev("TicketOpened", t3, "2025-11-05T08:00"));
        events.add(ev("TicketEscalated", t3, "2025-11-05T09:00").withKind("ON_SITE"));
        events.add(ev("InterventionScheduled", t3, "2025-11-05T09:01").withIntervention("I3", "ON_SITE")
                .withPromise(paris("2025-11-06T23:59:59"), true));
        events.add(ev("InterventionStarted", t3, "2025-11-07T09:00").withIntervention("I3", null));
        events.add(ev("InterventionCompleted", t3, "2025-11-07T10:00").withIntervention("I3", "ON_SITE")
                .withOutcome("FIXED"));

        events.add(ev("TicketOpened", t4, "2025-11-10T09:00"));
        events.add(ev("TicketResolved", t4, "2025-11-10T10:00").withRemote(true));
        events.add(ev("TicketReopened", t4, "2025-11-12T09:00"));
        events.add(ev("TicketResolved", t4, "2025-12-01T10:00").withRemote(false));

        events.add(ev("TicketOpened", t5, "2025-11-12T09:00"));
        events.add(ev("TicketEscalated", t5, "2025-11-12T10:00").withKind("SHIPMENT"));
        events.add(ev("ShipmentDispatched", t5, "2025-11-12T11:00").withShipment("S1", "HEADSET", "EXPRESS_PARCEL"));
        events.add(ev("ShipmentDelivered", t5, "2025-11-13T11:00").withShipment("S1", null, null));

        events.add(PilotEvent.of("TicketOpened", "NANCY", UUID.randomUUID(), paris("2025-11-04T09:00")));

        surveys.add(new SurveyOutcome(S, paris("2025-11-03T10:15"), 5));
        surveys.add(new SurveyOutcome(S, paris("2025-11-07T10:00"), 3));
        surveys.add(new SurveyOutcome(S, paris("2025-11-13T11:00"), null));
        surveys.add(new SurveyOutcome("NANCY", paris("2025-11-13T11:00"), 1));
    }

    static PilotEvent ev(String type, UUID ticket, String localTime) {
        return PilotEvent.of(type, S, ticket, paris(localTime));
    }

    @Test
    void octoberCountsTheEscalationButNeitherTheResolutionNorTheVisit() {
        KpiSet oct = calculator.compute(S, OCT, OCT, events, surveys);
        assertThat(oct.tickets()).isEqualTo(1);
        assertThat(oct.escalated()).isEqualTo(1);
        assertThat(oct.resolved()).isZero();
        assertThat(oct.resolvedRemotely().share()).isNull();
        assertThat(oct.onSiteInterventions()).isZero();
        assertThat(oct.timeToInterventionHours().n()).isZero();
        assertThat(oct.businessDays()).isEqualTo(23);
        assertThat(oct.onSitePerBusinessDay()).isEqualTo(0.0);
    }

    @Test
    void novemberFigures() {
        KpiSet nov = calculator.compute(S, NOV, NOV, events, surveys);
        assertThat(nov.tickets()).isEqualTo(4);
        assertThat(nov.escalated()).isEqualTo(2);
        // T1 (on site) and T2 (remote); T4 was resolved in November but reopened, and finally resolved in December.
        assertThat(nov.resolved()).isEqualTo(2);
        assertThat(nov.resolvedRemotely().successes()).isEqualTo(1);
        assertThat(nov.resolvedRemotely().share()).isEqualTo(0.5);
        assertThat(nov.onSiteInterventions()).isEqualTo(2);
        assertThat(nov.businessDays()).isEqualTo(19);
        assertThat(nov.onSitePerBusinessDay()).isEqualTo(2.0 / 19);
        // I1 done on Monday 3 November 10:15, by its deadline; I3 done on Friday 7, after Thursday 6's.
        assertThat(nov.onTime().successes()).isEqualTo(1);
        assertThat(nov.onTime().n()).isEqualTo(2);
        // I1: Friday 16:00–17:30 (1.5 h) + Monday 08:30–09:30 (1 h) = 2.5 h.
        // I3: Wednesday 09:00–12:30 and 13:30–17:30 (7.5 h) + Thursday 8 h + Friday 08:30–09:00 (0.5 h) = 16 h.
        assertThat(nov.timeToInterventionHours().n()).isEqualTo(2);
        assertThat(nov.timeToInterventionHours().median()).isEqualTo(9.25);
        assertThat(nov.timeToInterventionHours().p90()).isEqualTo(16.0);
        assertThat(nov.technicianKm()).isEqualTo(38.5);
        assertThat(nov.technicianCo2eKg()).isEqualTo(7.45);
        // Headset: Wednesday 10:00–12:30 and 13:30–17:30 (6.5 h) + Thursday 08:30–11:00 (2.5 h) = 9 h.
        assertThat(nov.shipmentsDispatched()).isEqualTo(1);
        assertThat(nov.headsetsDispatched()).isEqualTo(1);
        assertThat(nov.shipmentsDelivered()).isEqualTo(1);
        assertThat(nov.headsetLeadTimeHours().median()).isEqualTo(9.0);
        assertThat(nov.otherAccessoryLeadTimeHours().n()).isZero();
        assertThat(nov.parcels()).isEqualTo(1);
        assertThat(nov.parcelCo2eKg()).isEqualTo(1.0);
        assertThat(nov.roomsDue()).isEqualTo(4L);
        // Three invitations, two answers (5 and 3): response 2/3, satisfied 1/2 with a warning.
        assertThat(nov.surveyInvitations()).isEqualTo(3);
        assertThat(nov.surveyAnswers()).isEqualTo(2);
        assertThat(nov.responseRate().share()).isEqualTo(2.0 / 3);
        assertThat(nov.satisfied().successes()).isEqualTo(1);
        assertThat(nov.satisfied().n()).isEqualTo(2);
        assertThat(nov.satisfied().enoughData()).isFalse();
        assertThat(nov.satisfied().warning()).contains("n = 2");
    }

    @Test
    void theReopenedTicketIsResolvedInDecember() {
        KpiSet dec = calculator.compute(S, DEC, DEC, events, surveys);
        assertThat(dec.tickets()).isZero();
        assertThat(dec.resolved()).isEqualTo(1);
        assertThat(dec.resolvedRemotely().share()).isEqualTo(0.0);
        assertThat(dec.businessDays()).isEqualTo(21);
    }

    @Test
    void theWholePilotSumsTheMonths() {
        KpiSet pilot = calculator.compute(S, OCT, DEC, events, surveys);
        assertThat(pilot.tickets()).isEqualTo(5);
        assertThat(pilot.escalated()).isEqualTo(3);
        assertThat(pilot.resolved()).isEqualTo(3);
        assertThat(pilot.resolvedRemotely().successes()).isEqualTo(1);
        assertThat(pilot.onSiteInterventions()).isEqualTo(2);
        // 23 + 19 + 21 business days.
        assertThat(pilot.businessDays()).isEqualTo(63);
        assertThat(pilot.roomsDue()).isEqualTo(12L);
    }

    @Test
    void aMonthInProgressCountsTheBusinessDaysElapsedOnly() {
        // On Friday 14 November: 3–7 November (5) and 10, 12, 13, 14 (11 November is a holiday) = 9 business days.
        KpiSet running = calculator.compute(S, NOV, NOV, events, surveys, java.time.LocalDate.of(2025, 11, 14));
        assertThat(running.businessDays()).isEqualTo(9);
        assertThat(running.onSitePerBusinessDay()).isEqualTo(2.0 / 9);
        KpiSet notStarted = calculator.compute(S, DEC, DEC, events, surveys, java.time.LocalDate.of(2025, 11, 14));
        assertThat(notStarted.businessDays()).isZero();
        assertThat(notStarted.onSitePerBusinessDay()).isNull();
    }

    @Test
    void anEmptyMonthHasZeroCountsAndNoShares() {
        KpiSet empty = calculator.compute("DIJON", NOV, NOV, events, surveys);
        assertThat(empty.tickets()).isZero();
        assertThat(empty.resolvedRemotely().n()).isZero();
        assertThat(empty.resolvedRemotely().share()).isNull();
        assertThat(empty.onTime().share()).isNull();
        assertThat(empty.timeToInterventionHours().median()).isNull();
        assertThat(empty.satisfied().share()).isNull();
        assertThat(empty.roomsDue()).isNull();
        assertThat(empty.businessDays()).isEqualTo(19);
    }

    @Test
    void otherSitesAreNotCounted() {
        KpiSet nancy = calculator.compute("NANCY", NOV, NOV, events, surveys);
        assertThat(nancy.tickets()).isEqualTo(1);
        assertThat(nancy.satisfied().successes()).isZero();
        assertThat(nancy.satisfied().n()).isEqualTo(1);
    }

    @Test
    void returnsAllocationsLockersRoomChecksFailuresAndTheFallbacks() {
        List<PilotEvent> more = new ArrayList<>();
        UUID t6 = UUID.randomUUID();
        UUID t7 = UUID.randomUUID();
        more.add(ev("ReturnRequested", t6, "2025-11-17T09:00"));
        more.add(ev("ReturnReceived", t6, "2025-11-18T15:00"));
        more.add(ev("ReturnRequested", t7, "2025-10-31T09:00"));
        more.add(ev("AllocationPrepared", null, "2025-11-19T14:00"));
        more.add(ev("LockerDeposited", t6, "2025-11-18T10:00"));
        more.add(ev("LockerCollected", t6, "2025-11-18T17:00"));
        more.add(ev("InterventionCompleted", null, "2025-11-20T10:00").withIntervention("R1", "ROOM_CHECK")
                .withTravel(12.0, 2.4));
        more.add(ev("RoomCheckCompleted", null, "2025-11-20T11:00"));
        // A visit whose booking was not seen: dispatch's own withinPromise decides, false here.
        more.add(ev("InterventionCompleted", t7, "2025-11-21T10:00").withIntervention("I7", "MEETING_ROOM")
                .withPromise(null, false));
        // A keyboard by standard parcel: escalated Monday 24 November 09:00, failed once, delivered Tuesday 09:30:
        // Monday 09:00–12:30 and 13:30–17:30 (7.5 h) + Tuesday 08:30–09:30 (1 h) = 8.5 h.
        more.add(ev("TicketEscalated", t6, "2025-11-24T09:00").withKind("SHIPMENT"));
        more.add(ev("ShipmentDispatched", t6, "2025-11-24T10:00").withShipment("S2", "KEYBOARD", "STANDARD_PARCEL"));
        more.add(ev("ShipmentFailed", t6, "2025-11-24T16:00").withShipment("S2", null, null));
        more.add(ev("ShipmentDelivered", t6, "2025-11-25T09:30").withShipment("S2", null, null));

        KpiSet nov = calculator.compute(S, NOV, NOV, more, List.of());
        assertThat(nov.returnsRequested()).isEqualTo(1);
        assertThat(nov.returnsReceived()).isEqualTo(1);
        assertThat(nov.allocationsPrepared()).isEqualTo(1);
        assertThat(nov.lockerDeposits()).isEqualTo(1);
        assertThat(nov.lockerCollections()).isEqualTo(1);
        assertThat(nov.roomsChecked()).isEqualTo(2);
        // The room check's trip counts in the km, not among the hands-on visits.
        assertThat(nov.technicianKm()).isEqualTo(12.0);
        assertThat(nov.onSiteInterventions()).isEqualTo(1);
        assertThat(nov.meetingRoomInterventions()).isEqualTo(1);
        assertThat(nov.onTime().successes()).isZero();
        assertThat(nov.onTime().n()).isEqualTo(1);
        // t7 has no on-site escalation, so its wait is unknown rather than guessed.
        assertThat(nov.timeToInterventionHours().n()).isZero();
        assertThat(nov.shipmentsFailed()).isEqualTo(1);
        assertThat(nov.shipmentsDelivered()).isEqualTo(1);
        assertThat(nov.otherAccessoryLeadTimeHours().median()).isEqualTo(8.5);
        assertThat(nov.headsetLeadTimeHours().n()).isZero();
        assertThat(nov.parcels()).isEqualTo(1);
        assertThat(nov.parcelCo2eKg()).isEqualTo(0.5);
        assertThat(calculator.compute(S, OCT, OCT, more, List.of()).returnsRequested()).isEqualTo(1);
    }
}
