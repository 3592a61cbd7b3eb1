package org.fieldsupport.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.fieldsupport.launcher.LocalPlatform;

/**
 * The desk's traffic in an open model: a scheduler fires ticket {@code i} at {@code start + i / rate} whatever the
 * platform's answers, each on a worker of its own. A ticket is opened (an accessory ticket after its delivery
 * address), then resolved remotely or escalated on site or for a shipment; a call that gets no 2xx is retried with
 * the same {@code Idempotency-Key} until it does (or the patience runs out), so "accepted" means the API answered
 * 2xx. A technician completes every visit dispatch books. Every attempt is recorded with its time and status.
 */
final class Traffic {

    enum Plan { REMOTE, ON_SITE, SHIPMENT }

    static final String[] SITES = {"STRASBOURG", "NANCY", "DIJON"};
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** One ticket of the run and what happened to it. */
    static final class Ticket {
        final int index;
        final String employeeId;
        final String site;
        final Plan plan;
        volatile String id;
        volatile boolean acted;
        volatile boolean completed;
        volatile long firedAtNanos;

        Ticket(int index, String runId) {
            this.index = index;
            this.employeeId = "E-F" + runId + "-" + index;
            this.site = SITES[index % SITES.length];
            int share = Math.floorMod(index * 37 + 11, 100);
            this.plan = share < 15 ? Plan.ON_SITE : share < 23 ? Plan.SHIPMENT : Plan.REMOTE;
        }
    }

    /** One HTTP attempt: when it was sent (nanoTime), which call, what came back, whether it was the first try. */
    record Attempt(long sentAtNanos, String call, int status, boolean first) {
    }

    private final LocalPlatform platform;
    private final Http http = new Http();
    final List<Ticket> tickets;
    final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    /** The first few answers that were not 2xx, for the report. */
    final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
    private final double rate;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<Future<?>> running = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger fired = new AtomicInteger();
    private final Map<String, String> technicianTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final String desk;
    private final String dispatcher;
    private volatile boolean stopCompleting;
    private Thread completer;

    Traffic(LocalPlatform platform, int count, double rate, String runId) throws java.io.IOException {
        this.platform = platform;
        this.rate = rate;
        List<Ticket> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Ticket(i, runId));
        }
        this.tickets = List.copyOf(list);
        this.desk = platform.token("desk-agent");
        this.dispatcher = platform.token("dispatcher");
    }

    /** Starts firing tickets at the rate, and the technicians completing booked visits. */
    void start() {
        long periodNanos = (long) (1_000_000_000L / rate);
        clock.scheduleAtFixedRate(() -> {
            int i = fired.getAndIncrement();
            if (i >= tickets.size()) {
                clock.shutdown();
                return;
            }
            Ticket ticket = tickets.get(i);
            ticket.firedAtNanos = System.nanoTime();
            running.add(workers.submit(() -> play(ticket)));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        completer = new Thread(this::completeVisits, "technicians");
        completer.setDaemon(true);
        completer.start();
    }

    boolean allFired() {
        return fired.get() >= tickets.size();
    }

    /** Waits for every ticket's calls to end (accepted or given up). */
    void awaitRequests() throws Exception {
        clock.awaitTermination(1, TimeUnit.DAYS);
        for (Future<?> future : List.copyOf(running)) {
            future.get();
        }
    }

    /** On-site tickets whose visit is not completed yet (booked or not). */
    long visitsPending() {
        return tickets.stream().filter(t -> t.plan == Plan.ON_SITE && t.acted && !t.completed).count();
    }

    void stop() throws InterruptedException {
        stopCompleting = true;
        clock.shutdownNow();
        workers.shutdownNow();
        if (completer != null) {
            completer.join(10_000);
        }
    }

    private void play(Ticket ticket) {
        String tickets = platform.service("ticket-service").baseUrl() + "/tickets";
        if (ticket.plan == Plan.SHIPMENT) {
            Http.Answer address = until("address", () -> http.send("PUT",
                    platform.service("logistics-service").baseUrl() + "/employees/" + ticket.employeeId
                            + "/delivery-address", desk,
                    Map.of("recipientName", "Employee " + ticket.index, "line1", "1 rue de la Gare",
                            "postalCode", "00000", "city", ticket.site, "country", "FR"), null));
            if (!address.ok()) {
                return;
            }
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("employeeId", ticket.employeeId);
        body.put("site", ticket.site);
        body.put("category", ticket.plan == Plan.SHIPMENT ? "ACCESSORY" : "HARDWARE");
        body.put("summary", "Fault suite ticket " + ticket.index);
        if (ticket.plan == Plan.SHIPMENT) {
            body.put("accessory", ticket.index % 2 == 0 ? "KEYBOARD" : "MOUSE");
        }
        String key = "fault-" + ticket.employeeId;
        Http.Answer opened = until("open", () -> http.send("POST", tickets, desk, body, key));
        if (!opened.ok()) {
            return;
        }
        ticket.id = opened.json().get("id").asText();
        String url = tickets + "/" + ticket.id;
        Http.Answer acted = switch (ticket.plan) {
            case REMOTE -> until("resolve", () -> http.send("POST", url + "/remote-resolution", desk,
                    Map.of("note", "Solved on the phone"), null));
            case ON_SITE -> until("escalate", () -> http.send("POST", url + "/escalation", desk,
                    Map.of("kind", "ON_SITE"), null));
            case SHIPMENT -> until("escalate", () -> http.send("POST", url + "/escalation", desk,
                    Map.of("kind", "SHIPMENT"), null));
        };
        ticket.acted = acted.ok();
    }

    /**
     * The call until it answers 2xx; a 409 after an attempt without answer is the first attempt's success (the
     * ticket already moved). Gives up on any other 4xx, or after the patience.
     */
    private Http.Answer until(String call, java.util.function.Supplier<Http.Answer> attempt) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean unanswered = false;
        boolean first = true;
        while (true) {
            long sent = System.nanoTime();
            Http.Answer answer = attempt.get();
            attempts.add(new Attempt(sent, call, answer.status(), first));
            first = false;
            if (answer.ok()) {
                return answer;
            }
            if (failureSamples.size() < 8) {
                String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
                failureSamples.add(call + " " + answer.status() + " " + body.substring(0, Math.min(160,
                        body.length())));
            }
            if (answer.status() == 409 && unanswered && !call.equals("open")) {
                return new Http.Answer(200, answer.body());
            }
            boolean retry = answer.status() == 0 || answer.status() >= 500 || answer.status() == 429
                    || (answer.status() == 409 && call.equals("open"));
            if (!retry || System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return answer;
            }
            unanswered |= answer.status() == 0 || answer.status() >= 500;
            pause(500);
        }
    }

    /** The technicians: each booked visit of the run is completed (FIXED) by the technician dispatch chose. */
    private void completeVisits() {
        String interventions = platform.service("dispatch-service").baseUrl() + "/interventions";
        while (!stopCompleting) {
            for (Ticket ticket : tickets) {
                if (stopCompleting) {
                    return;
                }
                if (ticket.plan != Plan.ON_SITE || !ticket.acted || ticket.completed) {
                    continue;
                }
                Http.Answer visits = http.send("GET", interventions + "?ticketId=" + ticket.id, dispatcher, null,
                        null);
                if (!visits.ok()) {
                    continue;
                }
                for (JsonNode visit : visits.json()) {
                    String status = visit.get("status").asText();
                    if (status.equals("COMPLETED")) {
                        ticket.completed = true;
                    } else if (status.equals("SCHEDULED") || status.equals("STARTED")) {
                        String technician = visit.get("technicianId").asText();
                        String token = technicianTokens.computeIfAbsent(technician, id -> platform.issueToken(id,
                                List.of("technician"), Duration.ofDays(1)));
                        long sent = System.nanoTime();
                        Http.Answer done = http.send("POST", interventions + "/" + visit.get("id").asText()
                                + "/completion", token, Map.of("outcome", "FIXED", "travelKm", 3.5), null);
                        attempts.add(new Attempt(sent, "complete", done.status(), true));
                        ticket.completed = done.ok();
                    }
                }
            }
            pause(1000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
