package org.fieldsupport.survey.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.fieldsupport.survey.kpis.SurveyOutcome;
import org.fieldsupport.survey.pilot.PilotEvent;

/** The dashboard's figures at 14:00 on Wednesday 12 November 2025, Paris. */
class LiveFiguresTest {

    static final String S = "NANCY";
    static final Instant NOW = paris("2025-11-12T14:00");
    final List<PilotEvent> events = new ArrayList<>();

    static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant();
    }

    static PilotEvent ev(String type, UUID ticket, String local) {
        return PilotEvent.of(type, S, ticket, paris(local));
    }

    @Test
    void figuresFollowTheLastEventOfEachTicketVisitAndShipment() {
        UUID open = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        UUID reopened = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        events.add(ev("TicketOpened", open, "2025-11-10T09:00"));
        events.add(ev("TicketOpened", resolved, "2025-11-10T09:00"));
        events.add(ev("TicketResolved", resolved, "2025-11-10T10:00").withRemote(true));
        events.add(ev("TicketOpened", reopened, "2025-11-10T09:00"));
        events.add(ev("TicketResolved", reopened, "2025-11-10T10:00").withRemote(true));
        events.add(ev("TicketReopened", reopened, "2025-11-11T10:00"));
        events.add(ev("TicketOpened", cancelled, "2025-11-10T09:00"));
        events.add(ev("TicketCancelled", cancelled, "2025-11-10T09:30"));
        // Opened after "now": not yet seen.
        events.add(ev("TicketOpened", UUID.randomUUID(), "2025-11-12T15:00"));

        // Booked today at 16:00, kept: one appointment today, not at risk.
        events.add(ev("InterventionScheduled", open, "2025-11-11T09:00").withIntervention("V1", "ON_SITE")
                .withWindow(paris("2025-11-12T16:00"), paris("2025-11-12T17:00")).withPromise(paris("2025-11-12T23:59"), true));
        // Booked today, then moved to tomorrow and the promise lost: at risk, not today.
        events.add(ev("InterventionScheduled", reopened, "2025-11-11T11:00").withIntervention("V2", "ON_SITE")
                .withWindow(paris("2025-11-12T09:00"), paris("2025-11-12T10:00")).withPromise(paris("2025-11-12T23:59"), true));
        events.add(ev("InterventionRescheduled", reopened, "2025-11-12T08:00").withIntervention("V2", null)
                .withWindow(paris("2025-11-13T09:00"), paris("2025-11-13T10:00")).withPromise(paris("2025-11-12T23:59"), false));
        // At risk, then done: no longer at risk; it was today.
        events.add(ev("InterventionScheduled", resolved, "2025-11-11T11:00").withIntervention("V3", "ON_SITE")
                .withWindow(paris("2025-11-12T08:30"), paris("2025-11-12T09:30")).withPromise(paris("2025-11-11T23:59"), false));
        events.add(ev("InterventionAtRisk", resolved, "2025-11-11T11:00").withIntervention("V3", null));
        events.add(ev("InterventionCompleted", resolved, "2025-11-12T09:20").withIntervention("V3", "ON_SITE"));
        // Today but cancelled: not counted.
        events.add(ev("InterventionScheduled", cancelled, "2025-11-10T09:10").withIntervention("V4", "ON_SITE")
                .withWindow(paris("2025-11-12T11:00"), paris("2025-11-12T12:00")).withPromise(paris("2025-11-12T23:59"), true));
        events.add(ev("InterventionCancelled", cancelled, "2025-11-10T09:30").withIntervention("V4", null));

        events.add(ev("ShipmentDispatched", open, "2025-11-11T10:00").withShipment("P1", "HEADSET", "EXPRESS_PARCEL"));
        events.add(ev("ShipmentDispatched", resolved, "2025-11-11T10:00").withShipment("P2", "MOUSE", "STANDARD_PARCEL"));
        events.add(ev("ShipmentDelivered", resolved, "2025-11-12T10:00").withShipment("P2", null, null));
        events.add(ev("ShipmentDispatched", reopened, "2025-11-11T10:00").withShipment("P3", "MOUSE", "STANDARD_PARCEL"));
        events.add(ev("ShipmentFailed", reopened, "2025-11-12T10:00").withShipment("P3", null, null));
        events.add(PilotEvent.of("TicketOpened", "DIJON", UUID.randomUUID(), paris("2025-11-10T09:00")));

        List<SurveyOutcome> surveys = List.of(new SurveyOutcome(S, paris("2025-11-03T10:00"), 5),
                new SurveyOutcome(S, paris("2025-11-05T10:00"), 2), new SurveyOutcome(S, paris("2025-11-06T10:00"), null),
                new SurveyOutcome(S, paris("2025-10-30T10:00"), 1));

        LiveFigures live = LiveFigures.of(S, NOW, ZoneId.of("Europe/Paris"), events, surveys, 30);
        assertThat(live.openTickets()).isEqualTo(2);
        assertThat(live.appointmentsToday()).isEqualTo(2);
        assertThat(live.promisesAtRisk()).isEqualTo(1);
        assertThat(live.shipmentsInTransit()).isEqualTo(1);
        // November: 3 invitations, 2 answers, 1 satisfied; October's is another month.
        assertThat(live.responseRate().successes()).isEqualTo(2);
        assertThat(live.responseRate().n()).isEqualTo(3);
        assertThat(live.satisfied().successes()).isEqualTo(1);
        assertThat(live.satisfied().n()).isEqualTo(2);
    }
}
