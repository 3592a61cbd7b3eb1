package org.fieldsupport.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plays a generated scenario through the public API as a historical import: the importer opens every ticket and
 * resolves or escalates it at its business time, in time order; then the technicians complete their booked visits
 * (at the end of the booked window), the carrier reports each parcel delivered (signed webhook, at the generated
 * time); finally it waits until the pilot's projections show everything, and returns the final report.
 *
 * <p>Receiving returned assets, preparing allocations and answering surveys are left out: those endpoints record
 * the time of the call, not a business time, so playing them now would count them in today's month.
 */
public final class ReplayPlayer {

    static final String IMPORTER = "importer";
    static final String DESK = "desk-agent";
    static final String DISPATCHER = "dispatcher";
    static final String LOGISTICS = "logistics-operator";
    static final String PILOT_MANAGER = "pilot-manager";
    static final Duration POLL_EVERY = Duration.ofMillis(250);

    private final PlatformClient client;
    private final PlatformClient.Endpoints endpoints;
    private final Duration patience;
    private final PrintStream log;

    public ReplayPlayer(PlatformClient client, PlatformClient.Endpoints endpoints, Duration patience,
            PrintStream log) {
        this.client = client;
        this.endpoints = endpoints;
        this.patience = patience;
        this.log = log;
    }

    /** What was played and what the platform reported back. */
    public record Result(Map<String, String> ticketIds, int visitsCompleted, int parcelsDelivered, JsonNode report,
            Duration took) {
    }

    public Result play(Scenario scenario) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Map<String, String> ticketIds = importTickets(scenario);
        log.printf(Locale.ROOT, "Imported %d tickets in %ds%n", ticketIds.size(),
                Duration.between(started, Instant.now()).toSeconds());
        int visits = 0;
        int parcels = 0;
        // What the pilot's figures must show per site: a visit or a delivery that falls after the pilot's last
        // month (a ticket of 31 December served in January) is not counted there.
        Map<String, long[]> inPilot = new LinkedHashMap<>();
        for (PilotSite site : scenario.settings().sites()) {
            inPilot.put(site.code(), new long[] { scenario.ticketsOf(site.code()).size(), 0, 0 });
        }
        List<GeneratedTicket> byAction = new ArrayList<>(scenario.tickets());
        byAction.sort(Comparator.comparing(GeneratedTicket::actedAt));
        for (GeneratedTicket ticket : byAction) {
            String id = ticketIds.get(ticket.key());
            if (ticket.kind().visit()) {
                Instant completedAt = completeVisit(id);
                visits++;
                if (ticket.kind().handsOn && inPilot(completedAt)) {
                    inPilot.get(ticket.site())[1]++;
                }
            } else if (ticket.kind() == GeneratedTicket.Kind.ACCESSORY) {
                deliverParcel(id, ticket.deliveredAt());
                parcels++;
                if (inPilot(ticket.deliveredAt())) {
                    inPilot.get(ticket.site())[2]++;
                }
            }
        }
        log.printf(Locale.ROOT, "Completed %d visits and delivered %d parcels%n", visits, parcels);
        JsonNode report = awaitReport(inPilot);
        return new Result(ticketIds, visits, parcels, report, Duration.between(started, Instant.now()));
    }

    private static boolean inPilot(Instant at) {
        LocalDate day = at.atZone(QuarterGenerator.ZONE).toLocalDate();
        return !day.isBefore(ScenarioSettings.PILOT_START) && !day.isAfter(ScenarioSettings.PILOT_END);
    }

    /** Opens every ticket and lets the desk act on it, all steps in business-time order. */
    private Map<String, String> importTickets(Scenario scenario) throws IOException, InterruptedException {
        record Step(Instant at, boolean opening, GeneratedTicket ticket) {
        }
        List<Step> steps = new ArrayList<>();
        for (GeneratedTicket ticket : scenario.tickets()) {
            steps.add(new Step(ticket.openedAt(), true, ticket));
            steps.add(new Step(ticket.actedAt(), false, ticket));
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(step -> !step.opening()));
        Map<String, String> ids = new HashMap<>();
        for (Step step : steps) {
            GeneratedTicket ticket = step.ticket();
            if (step.opening()) {
                ids.put(ticket.key(), open(ticket));
            } else {
                act(ticket, ids.get(ticket.key()));
            }
        }
        return ids;
    }

    private String open(GeneratedTicket ticket) throws IOException, InterruptedException {
        if (ticket.kind() == GeneratedTicket.Kind.ACCESSORY) {
            client.put(DESK, endpoints.logistics() + "/employees/" + ticket.employeeId() + "/delivery-address",
                    Map.of("recipientName", "Employee " + ticket.employeeId(), "line1", "1 rue de la Gare",
                            "postalCode", "00000", "city", ticket.site(), "country", "FR"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employeeId", ticket.employeeId());
        body.put("site", ticket.site());
        body.put("category", ticket.kind().category);
        body.put("summary", "Replayed " + ticket.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (ticket.accessory() != null) {
            body.put("accessory", ticket.accessory());
        }
        if (ticket.roomId() != null) {
            body.put("roomId", ticket.roomId());
        }
        if (ticket.assetTag() != null) {
            body.put("assetTags", List.of(ticket.assetTag()));
        }
        body.put("openedAt", ticket.openedAt().toString());
        // The ticket's key makes a retried opening answer the same ticket, never a second one.
        return client.post(IMPORTER, endpoints.tickets() + "/tickets", body, "replay-open-" + ticket.key(),
                Set.of(201)).get("id").asText();
    }

    private void act(GeneratedTicket ticket, String id) throws IOException, InterruptedException {
        String url = endpoints.tickets() + "/tickets/" + id;
        if (ticket.kind().escalation == null) {
            client.post(IMPORTER, url + "/remote-resolution",
                    Map.of("note", "Resolved remotely by the desk", "at", ticket.actedAt().toString()), null,
                    Set.of(200));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", ticket.kind().escalation);
        body.put("at", ticket.actedAt().toString());
        if (ticket.startDate() != null) {
            body.put("startDate", ticket.startDate().toString());
        }
        client.post(IMPORTER, url + "/escalation", body, "replay-escalate-" + ticket.key(), Set.of(202));
    }

    /** The technician completes the visit dispatch booked, at the end of its window; returns when it was done. */
    private Instant completeVisit(String ticketId) throws IOException, InterruptedException {
        JsonNode visit = await("the visit booked for ticket " + ticketId, () -> {
            JsonNode visits = client.get(DISPATCHER, endpoints.dispatch() + "/interventions?ticketId=" + ticketId);
            return visits.isEmpty() ? null : visits.get(0);
        });
        if ("COMPLETED".equals(visit.path("status").asText())) {
            return Instant.parse(visit.get("completedAt").asText());
        }
        String technician = "technician-" + visit.get("technicianId").asText();
        String end = visit.path("window").get("end").asText();
        client.post(technician, endpoints.dispatch() + "/interventions/" + visit.get("id").asText() + "/completion",
                Map.of("outcome", "FIXED", "completedAt", end), null, Set.of(200));
        return Instant.parse(end);
    }

    /** The carrier reports the parcel delivered, through its signed webhook. */
    private void deliverParcel(String ticketId, Instant deliveredAt) throws IOException, InterruptedException {
        JsonNode shipment = await("the parcel dispatched for ticket " + ticketId, () -> {
            JsonNode shipments = client.get(LOGISTICS, endpoints.logistics() + "/shipments?ticketId=" + ticketId);
            for (JsonNode s : shipments) {
                String status = s.path("status").asText();
                if (status.equals("DISPATCHED") || status.equals("IN_TRANSIT") || status.equals("DELIVERED")) {
                    return s;
                }
            }
            return null;
        });
        client.postSigned(endpoints.logistics() + "/shipments/" + shipment.get("id").asText() + "/tracking",
                Map.of("status", "DELIVERED", "at", deliveredAt.toString()));
    }

    /**
     * The final report once the projections show at least what was played within the pilot's months (per site:
     * tickets, hands-on interventions, deliveries); a platform that never gets there fails the replay.
     */
    private JsonNode awaitReport(Map<String, long[]> expected) throws IOException, InterruptedException {
        return await("the pilot report to show the replayed tickets, visits and deliveries", () -> {
            JsonNode report = client.get(PILOT_MANAGER, endpoints.surveys() + "/pilot/report?format=json");
            for (Map.Entry<String, long[]> site : expected.entrySet()) {
                JsonNode whole = siteSection(report, site.getKey()).path("wholePilot");
                if (whole.path("tickets").asLong() < site.getValue()[0]
                        || whole.path("onSiteInterventions").asLong() < site.getValue()[1]
                        || whole.path("shipmentsDelivered").asLong() < site.getValue()[2]) {
                    return null;
                }
            }
            return report;
        });
    }

    static JsonNode siteSection(JsonNode report, String site) {
        for (JsonNode section : report.path("sites")) {
            if (site.equals(section.path("site").asText())) {
                return section;
            }
        }
        return PlatformClient.JSON.missingNode();
    }

    /** A short summary of the final report: per site, the whole pilot's main figures. */
    public static void printSummary(JsonNode report, PrintStream out) {
        out.printf(Locale.ROOT, "%s (%s to %s)%n", report.path("title").asText(), report.path("fromMonth").asText(),
                report.path("toMonth").asText());
        out.printf(Locale.ROOT, "%-11s %5s %7s %7s %9s %15s %9s %8s %7s %8s %10s%n", "site", "days", "tickets",
                "on-site", "/bus.day", "remote share", "shipped", "deliver.", "returns", "answers", "satisfied");
        for (JsonNode section : report.path("sites")) {
            JsonNode w = section.path("wholePilot");
            out.printf(Locale.ROOT, "%-11s %5d %7d %7d %9s %15s %9d %8d %7d %8s %10s%n", section.path("site").asText(),
                    w.path("businessDays").asLong(), w.path("tickets").asLong(),
                    w.path("onSiteInterventions").asLong(), number(w.path("onSitePerBusinessDay"), "%.2f"),
                    share(w.path("resolvedRemotely")), w.path("shipmentsDispatched").asLong(),
                    w.path("shipmentsDelivered").asLong(), w.path("returnsRequested").asLong(),
                    w.path("surveyAnswers").asLong() + "/" + w.path("surveyInvitations").asLong(),
                    share(w.path("satisfied")));
        }
        for (JsonNode caution : report.path("cautions")) {
            out.println("  ! " + caution.asText());
        }
    }

    private static String share(JsonNode proportion) {
        if (proportion.path("share").isMissingNode() || proportion.path("share").isNull()) {
            return "n=0";
        }
        return String.format(Locale.ROOT, "%.0f%% (n=%d)", proportion.get("share").asDouble() * 100,
                proportion.path("n").asLong());
    }

    private static String number(JsonNode value, String format) {
        return value.isNumber() ? String.format(Locale.ROOT, format, value.asDouble()) : "-";
    }

    @FunctionalInterface
    private interface Probe {
        JsonNode attempt() throws IOException, InterruptedException;
    }

    private JsonNode await(String what, Probe probe) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode found = probe.attempt();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up after " + patience.toSeconds() + "s waiting for " + what);
            }
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }
}
