package org.fieldsupport.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
 * resolves or escalates it at its business time, in time order, and the dispatcher declares each technician's sick
 * day the morning it comes; then the technicians complete their booked visits
 * (at the end of the booked window), the carrier reports each parcel delivered (signed webhook, at the generated
 * time); once the pilot's figures show those visits and deliveries, the importer imports the survey each employee
 * was sent after them (two hours later, as the platform does) and the answers given. It then waits until the
 * figures of the scenario's months show everything, and returns them with the final report.
 *
 * <p>Receiving returned assets and preparing allocations are left out: those endpoints record the time of the call,
 * not a business time, so playing them now would count them in today's month.
 */
public final class ReplayPlayer {

    static final String IMPORTER = "importer";
    static final String DESK = "desk-agent";
    static final String DISPATCHER = "dispatcher";
    static final String LOGISTICS = "logistics-operator";
    static final String PILOT_MANAGER = "pilot-manager";
    static final Duration POLL_EVERY = Duration.ofMillis(250);
    /** When the platform sends the survey after a visit or a delivery ({@code survey.invitation.delay}). */
    static final Duration INVITATION_DELAY = Duration.ofHours(2);
    static final Duration KPI_TIMEOUT = Duration.ofMinutes(5);

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

    /**
     * What was played and what the platform reported back: {@code kpis} is {@code GET /pilot/kpis} over the
     * scenario's months, {@code expected} what those figures must show at least, as counted while playing.
     */
    public record Result(Map<String, String> ticketIds, int visitsCompleted, int parcelsDelivered,
            int surveysImported, Map<String, Expected> expected, JsonNode kpis, JsonNode report, Duration took) {
    }

    /** A site's figures over the scenario's months as the played stream gives them. */
    public static final class Expected {
        public long tickets;
        public long handsOn;
        public long delivered;
        public long invitations;
        public long answers;
        public long satisfied;
    }

    public Result play(Scenario scenario) throws IOException, InterruptedException {
        Instant started = Instant.now();
        restockForParcels(scenario);
        Map<String, String> ticketIds = importTickets(scenario);
        log.printf(Locale.ROOT, "Imported %d tickets in %ds%n", ticketIds.size(),
                Duration.between(started, Instant.now()).toSeconds());
        YearMonth from = YearMonth.from(scenario.settings().firstDay());
        YearMonth to = YearMonth.from(scenario.settings().lastDay());
        Map<String, Expected> expected = expectedTickets(scenario);
        Served served = serve(scenario, ticketIds, expected, from, to);
        log.printf(Locale.ROOT, "Completed %d visits and delivered %d parcels%n", served.visits, served.parcels);
        awaitKpis(from, to, expected, false, POLL_EVERY);
        int surveys = importSurveys(scenario, ticketIds, served.at, expected, from, to);
        log.printf(Locale.ROOT, "Imported %d surveys%n", surveys);
        JsonNode kpis = awaitKpis(from, to, expected, true, POLL_EVERY);
        JsonNode report = client.get(PILOT_MANAGER, endpoints.surveys() + "/pilot/report?format=json");
        return new Result(ticketIds, served.visits, served.parcels, surveys, expected, kpis, report,
                Duration.between(started, Instant.now()));
    }

    /**
     * Plays the lanes of a scenario side by side, at most {@code parallel} at a time: each lane (sites that share no
     * technician with another lane) goes through the same steps as {@link #play} in its own business-time order:
     * its tickets opened and acted on, its sick days declared, its visits completed and its parcels delivered, then
     * its surveys imported, so that every ticket still goes create → escalate → visit or delivery → survey. The
     * central stock is topped up once for the whole scenario first. Then it waits until the pilot's figures
     * ({@code GET /pilot/kpis}, asked every {@code pollEvery}: each answer reads every recorded fact) show every
     * lane's tickets, visits, deliveries and surveys. The final report is not fetched: it covers the pilot quarter.
     * No lane starts after {@code noLaneStartsAfter} (those started finish): a run with a time limit then reports
     * and checks the lanes it played.
     */
    public Result playConcurrently(Scenario whole, List<Scenario> lanes, int parallel, Duration pollEvery,
            Instant noLaneStartsAfter) throws IOException, InterruptedException {
        Instant started = Instant.now();
        restockForParcels(whole);
        YearMonth from = YearMonth.from(whole.settings().firstDay());
        YearMonth to = YearMonth.from(whole.settings().lastDay());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<LaneResult>> futures = new ArrayList<>();
        try {
            for (Scenario lane : lanes) {
                futures.add(pool.submit(() -> {
                    if (Instant.now().isAfter(noLaneStartsAfter)) {
                        return null;
                    }
                    LaneResult result = playLane(lane, from, to);
                    int finished = done.incrementAndGet();
                    if (finished % Math.max(1, lanes.size() / 10) == 0 || finished == lanes.size()) {
                        log.printf(Locale.ROOT, "  %d of %d lanes played after %ds%n", finished, lanes.size(),
                                Duration.between(started, Instant.now()).toSeconds());
                    }
                    return result;
                }));
            }
            Map<String, String> ticketIds = new HashMap<>();
            Map<String, Expected> expected = new LinkedHashMap<>();
            int visits = 0;
            int parcels = 0;
            int surveys = 0;
            int skipped = 0;
            for (java.util.concurrent.Future<LaneResult> future : futures) {
                LaneResult lane;
                try {
                    lane = future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A lane of the replay failed: " + e.getCause().getMessage(),
                            e.getCause());
                }
                if (lane == null) {
                    skipped++;
                    continue;
                }
                ticketIds.putAll(lane.ticketIds());
                expected.putAll(lane.expected());
                visits += lane.visits();
                parcels += lane.parcels();
                surveys += lane.surveys();
            }
            log.printf(Locale.ROOT, "Played %d tickets, %d visits, %d parcels and %d surveys in %ds%s; waiting for "
                    + "the pilot's figures%n", ticketIds.size(), visits, parcels, surveys,
                    Duration.between(started, Instant.now()).toSeconds(), skipped == 0 ? ""
                            : " (" + skipped + " lanes not started: the time allowed was over)");
            JsonNode kpis = awaitKpis(from, to, expected, true, pollEvery);
            return new Result(ticketIds, visits, parcels, surveys, expected, kpis, PlatformClient.JSON.nullNode(),
                    Duration.between(started, Instant.now()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one lane played, and what the pilot's figures must show for its sites. */
    public record LaneResult(Map<String, String> ticketIds, int visits, int parcels, int surveys,
            Map<String, Expected> expected) {
    }

    /**
     * One lane, start to end; the survey imports wait, ticket by ticket, until survey-service has read the visit
     * or the delivery, rather than for the pilot's figures as {@link #play} does.
     */
    private LaneResult playLane(Scenario lane, YearMonth from, YearMonth to) throws IOException,
            InterruptedException {
        Map<String, String> ticketIds = importTickets(lane);
        Map<String, Expected> expected = expectedTickets(lane);
        Served served = serve(lane, ticketIds, expected, from, to);
        int surveys = importSurveys(lane, ticketIds, served.at, expected, from, to);
        return new LaneResult(ticketIds, served.visits, served.parcels, surveys, expected);
    }

    private static Map<String, Expected> expectedTickets(Scenario scenario) {
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (PilotSite site : scenario.settings().sites()) {
            Expected figures = new Expected();
            figures.tickets = scenario.ticketsOf(site.code()).size();
            expected.put(site.code(), figures);
        }
        return expected;
    }

    /** When each visited or delivered ticket was served, and how many visits and parcels that took. */
    private record Served(Map<String, Instant> at, int visits, int parcels) {
    }

    /**
     * Each technician completes the visits dispatch booked and the carrier delivers each parcel, in the order the
     * desk acted on the tickets. A visit or a delivery that falls after the scenario's last month (a ticket of
     * 31 December served in January) is counted in that later month, not in the scenario's figures.
     */
    private Served serve(Scenario scenario, Map<String, String> ticketIds, Map<String, Expected> expected,
            YearMonth from, YearMonth to) throws IOException, InterruptedException {
        Map<String, Instant> servedAt = new HashMap<>();
        int visits = 0;
        int parcels = 0;
        List<GeneratedTicket> byAction = new ArrayList<>(scenario.tickets());
        byAction.sort(Comparator.comparing(GeneratedTicket::actedAt));
        for (GeneratedTicket ticket : byAction) {
            String id = ticketIds.get(ticket.key());
            Expected figures = expected.get(ticket.site());
            if (ticket.kind().visit()) {
                Instant completedAt = completeVisit(id);
                visits++;
                if (ticket.kind().handsOn) {
                    servedAt.put(ticket.key(), completedAt);
                    figures.handsOn += within(completedAt, from, to);
                }
            } else if (ticket.kind() == GeneratedTicket.Kind.ACCESSORY) {
                deliverParcel(id, ticket.deliveredAt());
                parcels++;
                servedAt.put(ticket.key(), ticket.deliveredAt());
                figures.delivered += within(ticket.deliveredAt(), from, to);
            }
        }
        return new Served(servedAt, visits, parcels);
    }

    /**
     * The central warehouse receives what the scenario's parcels will take, before they are played: logistics-service
     * keeps stock but orders nothing (a low stock is reported, not replenished), and a year of parcels would
     * otherwise empty it and fail shipments that were delivered in the generated history.
     */
    private void restockForParcels(Scenario scenario) throws IOException, InterruptedException {
        Map<String, Long> needed = new java.util.TreeMap<>();
        for (GeneratedTicket ticket : scenario.tickets()) {
            if (ticket.kind() == GeneratedTicket.Kind.ACCESSORY) {
                needed.merge(ticket.accessory(), 1L, Long::sum);
            }
        }
        for (Map.Entry<String, Long> item : needed.entrySet()) {
            for (JsonNode level : client.get(LOGISTICS, endpoints.logistics() + "/stock?itemCode=" + item.getKey())) {
                if (!"CENTRAL_WAREHOUSE".equals(level.path("locationKind").asText())) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("locationKind", "CENTRAL_WAREHOUSE");
                body.put("available", level.path("available").asLong() + item.getValue());
                if (level.hasNonNull("lowThreshold")) {
                    body.put("lowThreshold", level.get("lowThreshold").asInt());
                }
                client.put(LOGISTICS, endpoints.logistics() + "/stock/" + level.path("locationId").asText() + "/"
                        + item.getKey(), body);
            }
        }
    }

    private static int within(Instant at, YearMonth from, YearMonth to) {
        YearMonth month = YearMonth.from(at.atZone(QuarterGenerator.ZONE));
        return month.isBefore(from) || month.isAfter(to) ? 0 : 1;
    }

    /**
     * The survey sent after each visit and delivery, in time order, answered or not as generated. The platform takes
     * it once it has read the visit or the delivery (409 {@code survey-import-ticket-not-ready} until then); the same
     * import played again is answered as already there.
     */
    private int importSurveys(Scenario scenario, Map<String, String> ticketIds, Map<String, Instant> servedAt,
            Map<String, Expected> expected, YearMonth from, YearMonth to) throws IOException, InterruptedException {
        List<GeneratedTicket> surveyed = new ArrayList<>(scenario.tickets().stream()
                .filter(ticket -> ticket.survey() != null && servedAt.containsKey(ticket.key())).toList());
        surveyed.sort(Comparator.comparing((GeneratedTicket ticket) -> servedAt.get(ticket.key()))
                .thenComparing(GeneratedTicket::key));
        for (GeneratedTicket ticket : surveyed) {
            Instant reference = servedAt.get(ticket.key());
            Instant invitedAt = reference.plus(INVITATION_DELAY);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ticketId", ticketIds.get(ticket.key()));
            body.put("invitedAt", invitedAt.toString());
            GeneratedTicket.Survey survey = ticket.survey();
            if (survey.answered()) {
                body.put("answeredAt", invitedAt.plus(survey.answeredAfter()).toString());
                body.put("rating", survey.rating());
            }
            await("survey-service to know the visit or delivery of ticket " + body.get("ticketId"), () -> {
                try {
                    return client.post(IMPORTER, endpoints.surveys() + "/survey-imports", body, null,
                            Set.of(200, 201));
                } catch (PlatformClient.Refused refused) {
                    if (refused.status == 409 && refused.body.contains("survey-import-ticket-not-ready")) {
                        return null;
                    }
                    throw refused;
                }
            });
            // The pilot counts a survey in the month of the visit or delivery it asks about.
            Expected figures = expected.get(ticket.site());
            int counted = within(reference, from, to);
            figures.invitations += counted;
            figures.answers += survey.answered() ? counted : 0;
            figures.satisfied += survey.satisfied() ? counted : 0;
        }
        return surveyed.size();
    }

    /**
     * Opens every ticket and lets the desk act on it, and declares each sick day the morning it is known, all steps
     * in business-time order.
     */
    private Map<String, String> importTickets(Scenario scenario) throws IOException, InterruptedException {
        record Step(Instant at, int order, GeneratedTicket ticket, GeneratedAbsence absence) {
        }
        List<Step> steps = new ArrayList<>();
        for (GeneratedAbsence absence : scenario.absences()) {
            steps.add(new Step(absence.declaredAt(), 0, null, absence));
        }
        for (GeneratedTicket ticket : scenario.tickets()) {
            steps.add(new Step(ticket.openedAt(), 1, ticket, null));
            steps.add(new Step(ticket.actedAt(), 2, ticket, null));
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
        Map<String, String> ids = new HashMap<>();
        for (Step step : steps) {
            GeneratedTicket ticket = step.ticket();
            if (step.absence() != null) {
                declareSickDay(step.absence());
            } else if (step.order() == 1) {
                ids.put(ticket.key(), open(ticket));
            } else {
                act(ticket, ids.get(ticket.key()));
            }
        }
        return ids;
    }

    /** The dispatcher records the day off; dispatch moves that day's visits from the declaration on. */
    private void declareSickDay(GeneratedAbsence absence) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startsAt", absence.day().atStartOfDay(QuarterGenerator.ZONE).toInstant().toString());
        body.put("endsAt", absence.day().plusDays(1).atStartOfDay(QuarterGenerator.ZONE).toInstant().toString());
        body.put("reason", "SICKNESS");
        body.put("declaredAt", absence.declaredAt().toString());
        client.post(DISPATCHER, endpoints.dispatch() + "/technicians/" + absence.technicianId() + "/absences", body,
                null, Set.of(201));
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
     * {@code GET /pilot/kpis} over the scenario's months once every site shows at least the expected tickets,
     * hands-on interventions and deliveries (and, with {@code surveys}, invitations and answers); a platform that
     * never gets there fails the replay.
     */
    private JsonNode awaitKpis(YearMonth from, YearMonth to, Map<String, Expected> expected, boolean surveys,
            Duration pollEvery) throws IOException, InterruptedException {
        return await("the pilot's figures to show the replayed tickets, visits, deliveries"
                + (surveys ? " and surveys" : ""), () -> {
                    // Each answer reads every recorded fact: over a year of many sites, longer than 30 s.
                    JsonNode kpis = client.get(PILOT_MANAGER, endpoints.surveys() + "/pilot/kpis?from=" + from
                            + "&to=" + to, KPI_TIMEOUT);
                    for (Map.Entry<String, Expected> site : expected.entrySet()) {
                        JsonNode figures = siteFigures(kpis, site.getKey());
                        Expected wanted = site.getValue();
                        if (figures.path("tickets").asLong() < wanted.tickets
                                || figures.path("onSiteInterventions").asLong() < wanted.handsOn
                                || figures.path("shipmentsDelivered").asLong() < wanted.delivered
                                || surveys && (figures.path("surveyInvitations").asLong() < wanted.invitations
                                        || figures.path("surveyAnswers").asLong() < wanted.answers)) {
                            return null;
                        }
                    }
                    return kpis;
                }, pollEvery);
    }

    /** One site's figures in {@code GET /pilot/kpis}. */
    public static JsonNode siteFigures(JsonNode kpis, String site) {
        for (JsonNode figures : kpis.path("sites")) {
            if (site.equals(figures.path("site").asText())) {
                return figures;
            }
        }
        return PlatformClient.JSON.missingNode();
    }

    /**
     * A short summary of {@code GET /pilot/kpis} over a period: per site of {@code sites}, its main figures, shares with n and their
     * 95% interval.
     */
    public static void printSummary(JsonNode kpis, java.util.Collection<String> sites, PrintStream out) {
        out.printf(Locale.ROOT, "Figures from %s to %s%n", kpis.path("fromMonth").asText(),
                kpis.path("toMonth").asText());
        out.printf(Locale.ROOT, "%-11s %5s %7s %7s %8s %-24s %7s %8s %7s %-24s %-24s%n", "site", "days", "tickets",
                "on-site", "/bus.day", "resolved remotely", "shipped", "deliver.", "returns", "surveys answered",
                "satisfied (4-5 of 5)");
        for (JsonNode w : kpis.path("sites")) {
            if (!sites.contains(w.path("site").asText())) {
                continue;
            }
            out.printf(Locale.ROOT, "%-11s %5d %7d %7d %8s %-24s %7d %8d %7d %-24s %-24s%n", w.path("site").asText(),
                    w.path("businessDays").asLong(), w.path("tickets").asLong(),
                    w.path("onSiteInterventions").asLong(), number(w.path("onSitePerBusinessDay"), "%.2f"),
                    share(w.path("resolvedRemotely")), w.path("shipmentsDispatched").asLong(),
                    w.path("shipmentsDelivered").asLong(), w.path("returnsRequested").asLong(),
                    share(w.path("responseRate")), share(w.path("satisfied")));
        }
    }

    /** The cautions the final report gives its readers. */
    public static void printCautions(JsonNode report, PrintStream out) {
        for (JsonNode caution : report.path("cautions")) {
            out.println("  ! " + caution.asText());
        }
    }

    private static String share(JsonNode proportion) {
        if (proportion.path("share").isMissingNode() || proportion.path("share").isNull()) {
            return "n=0";
        }
        return String.format(Locale.ROOT, "%.0f%% [%.0f-%.0f] n=%d", proportion.get("share").asDouble() * 100,
                proportion.path("low").asDouble() * 100, proportion.path("high").asDouble() * 100,
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
        return await(what, probe, POLL_EVERY);
    }

    private JsonNode await(String what, Probe probe, Duration pollEvery) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode found = probe.attempt();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up after " + patience.toSeconds() + "s waiting for " + what);
            }
            Thread.sleep(pollEvery.toMillis());
        }
    }
}
