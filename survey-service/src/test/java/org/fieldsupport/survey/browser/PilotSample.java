package org.fieldsupport.survey.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fieldsupport.survey.PlatformEvents;
import org.fieldsupport.survey.answers.Answers;
import org.fieldsupport.survey.invitations.Invitations;

/**
 * A small November for one pilot site, sent as the other services would publish it, so that the report a person
 * looks at has figures and charts: tickets resolved remotely, on-site visits with their bookings and trips, one
 * headset, and the visits' surveys answered through the JSON contract.
 */
final class PilotSample {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private PilotSample() {
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(PARIS).toInstant();
    }

    /** {@code remote} tickets resolved by the desk, then one visit per rating (rated by its employee). */
    static void november(String site, int remote, int[] ratings, double kmPerVisit, Invitations invitations,
            Answers answers) {
        LocalDate day = LocalDate.of(2025, 11, 3);
        for (int i = 0; i < remote; i++) {
            LocalDate d = businessDay(day, i);
            UUID ticket = UUID.randomUUID();
            opened(ticket, site, at(d, 9, 0));
            PlatformEvents.send("ticket.events", "TicketResolved", ticket, Map.of("ticketId", ticket.toString(),
                    "site", site, "remote", true, "resolution", "REMOTE", "occurredAt", at(d, 9, 40).toString()));
        }
        for (int v = 0; v < ratings.length; v++) {
            LocalDate d = businessDay(day, 2 * v);
            LocalDate next = businessDay(d, 1);
            UUID ticket = UUID.randomUUID();
            String visit = UUID.randomUUID().toString();
            opened(ticket, site, at(d, 10, 0));
            PlatformEvents.send("ticket.events", "TicketEscalated", ticket, Map.of("ticketId", ticket.toString(),
                    "site", site, "kind", "ON_SITE", "occurredAt", at(d, 10, 30).toString()));
            PlatformEvents.send("dispatch.events", "InterventionScheduled", ticket, Map.of("ticketId",
                    ticket.toString(), "site", site, "interventionId", visit, "deadline",
                    next.atTime(23, 59, 59).atZone(PARIS).toInstant().toString(), "occurredAt",
                    at(d, 10, 31).toString()));
            // Every third visit comes a day late.
            LocalDate visitDay = v % 3 == 2 ? businessDay(next, 1) : next;
            Instant done = at(visitDay, 10 + v % 4, 0);
            PlatformEvents.send("dispatch.events", "InterventionStarted", ticket, Map.of("ticketId", ticket.toString(),
                    "site", site, "interventionId", visit, "occurredAt", done.minus(Duration.ofMinutes(40)).toString()));
            PlatformEvents.send("dispatch.events", "InterventionCompleted", ticket, Map.of("ticketId",
                    ticket.toString(), "site", site, "interventionId", visit, "travelKm", kmPerVisit, "co2eKg",
                    kmPerVisit * 0.2, "occurredAt", done.toString()));
            PlatformEvents.send("ticket.events", "TicketResolved", ticket, Map.of("ticketId", ticket.toString(),
                    "site", site, "remote", false, "resolution", "ON_SITE", "occurredAt",
                    done.plus(Duration.ofMinutes(5)).toString()));
            int rating = ratings[v];
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                invitations.issueDue(done.plus(Duration.ofHours(3)));
                assertThat(PlatformEvents.published(ticket.toString(), "SurveyInvitationIssued")).hasSize(1);
            });
            // The link of a November 2025 visit has long expired in real time: the answer is recorded through the
            // service call the form makes, at a business time within the link's life.
            answers.answer(PlatformEvents.tokenOf(ticket), List.of(rating), null, done.plus(Duration.ofHours(5)));
        }
        UUID headset = UUID.randomUUID();
        String shipment = UUID.randomUUID().toString();
        LocalDate d = businessDay(day, 5);
        opened(headset, site, at(d, 9, 15));
        PlatformEvents.send("ticket.events", "TicketEscalated", headset, Map.of("ticketId", headset.toString(),
                "site", site, "kind", "SHIPMENT", "occurredAt", at(d, 9, 30).toString()));
        PlatformEvents.send("logistics.events", "ShipmentDispatched", headset, Map.of("ticketId", headset.toString(),
                "site", site, "shipmentId", shipment, "occurredAt", at(d, 11, 0).toString()));
        PlatformEvents.send("logistics.events", "ShipmentDelivered", headset, Map.of("ticketId", headset.toString(),
                "site", site, "shipmentId", shipment, "occurredAt", at(businessDay(d, 1), 11, 0).toString()));
    }

    private static void opened(UUID ticket, String site, Instant at) {
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, at);
    }

    /** The {@code after}-th business day after {@code from} (weekends and 11 November off). */
    static LocalDate businessDay(LocalDate from, int after) {
        LocalDate d = from;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        for (int i = 0; i < after; i++) {
            do {
                d = d.plusDays(1);
            } while (!isBusinessDay(d));
        }
        return d;
    }

    private static boolean isBusinessDay(LocalDate d) {
        return d.getDayOfWeek().getValue() <= 5 && !d.equals(LocalDate.of(2025, 11, 11));
    }
}
