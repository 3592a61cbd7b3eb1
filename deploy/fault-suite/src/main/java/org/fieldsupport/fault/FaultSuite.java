package org.fieldsupport.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.fieldsupport.launcher.LauncherSettings;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * The fault suite: a platform of its own (free ports, its own state directory, the broker in a JVM of its own),
 * tickets at a steady rate with their downstream effects, and while they flow, one fault after another — the broker
 * SIGKILLed and restarted after an outage, each service SIGKILLed and restarted, PostgreSQL restarted, each service
 * stopped gracefully (SIGTERM) and restarted. Then, once the platform has caught up, a reconciliation over the four
 * databases and all topics. {@code ./deploy/fault-suite.sh --help} lists the options.
 */
public final class FaultSuite {

    /** What to run. */
    public record Options(int tickets, double rate, List<String> faults, Duration brokerOutage, Duration settle,
            Path stateDir, Path report) {

        public static final List<String> ALL_FAULTS = List.of("broker-kill", "kill:ticket-service",
                "kill:dispatch-service", "kill:logistics-service", "kill:survey-service", "postgres-restart",
                "term:ticket-service", "term:dispatch-service", "term:logistics-service", "term:survey-service");

        static Options parse(String[] args, Path root) {
            int tickets = 10_000;
            double rate = 50;
            List<String> faults = ALL_FAULTS;
            Duration outage = Duration.ofSeconds(15);
            Duration settle = Duration.ofMinutes(5);
            Path state = root.resolve("deploy/fault-suite/target/platform-state");
            Path report = root.resolve("deploy/fault-suite/target/fault-report.txt");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--tickets" -> tickets = Integer.parseInt(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--faults" -> faults = List.of(value.split(","));
                    case "--broker-outage-seconds" -> outage = Duration.ofSeconds(Long.parseLong(value));
                    case "--settle-seconds" -> settle = Duration.ofSeconds(Long.parseLong(value));
                    case "--state" -> state = Path.of(value).toAbsolutePath();
                    case "--report" -> report = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
                }
                i++;
            }
            for (String fault : faults) {
                if (!ALL_FAULTS.contains(fault)) {
                    throw new IllegalArgumentException("Unknown fault " + fault + "; known: " + ALL_FAULTS);
                }
            }
            return new Options(tickets, rate, faults, outage, settle, state, report);
        }
    }

    static final String USAGE = """
            usage: ./deploy/fault-suite.sh [--tickets N (10000)] [--rate PER_SECOND (50)]
                     [--faults broker-kill,kill:<service>,postgres-restart,term:<service> (all, in that order)]
                     [--broker-outage-seconds S (15)] [--settle-seconds S (300)]
                     [--state DIR (deploy/fault-suite/target/platform-state, wiped)]
                     [--report FILE (deploy/fault-suite/target/fault-report.txt)]""";

    /** One fault as it happened: seconds since the load began; catch-up after the component was back. */
    record Fault(String name, double startedAt, double downSeconds, double catchUpSeconds, long nonOkDuring,
            long openNonOkDuring, long openAttemptsDuring, boolean underLoad, Map<Integer, Long> openStatuses) {
    }

    /** The run's outcome. */
    public record Outcome(Reconciliation.Result reconciliation, List<Fault> faults, String report) {
        public boolean passed() {
            return reconciliation.clean();
        }

        /** Tickets fired during the broker outage whose first creation attempt got no 2xx (answer or none). */
        public long brokerOutageNonOk() {
            return faults.stream().filter(f -> f.name().equals("broker-kill")).mapToLong(Fault::openNonOkDuring)
                    .sum();
        }

        /** Of those, the ones the API refused (4xx or 5xx), rather than answered too late (no answer in 15 s). */
        public long brokerOutageRefused() {
            return faults.stream().filter(f -> f.name().equals("broker-kill"))
                    .flatMap(f -> f.openStatuses().entrySet().stream())
                    .filter(e -> e.getKey() >= 400).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private final Options options;
    private final String runId = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    private LocalPlatform platform;
    private long loadStart;
    private final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
    private final StringBuilder log = new StringBuilder();

    public FaultSuite(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Outcome outcome = new FaultSuite(Options.parse(args, root)).run(root);
        System.exit(outcome.passed() ? 0 : 1);
    }

    public Outcome run(Path root) throws Exception {
        platform = new LocalPlatform(settings(root));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> platform.stop()));
        try {
            say("starting a platform of its own in " + options.stateDir());
            platform.start();
            prepareCapacity();
            return drive();
        } finally {
            platform.stop();
        }
    }

    private Outcome drive() throws Exception {
        Traffic traffic = new Traffic(platform, options.tickets(), options.rate(), runId);
        Backlog backlog = new Backlog(platform);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                samples.add(new long[] {System.nanoTime(), backlog.measure()});
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "backlog-sampler");
        sampler.setDaemon(true);
        double loadSeconds = options.tickets() / options.rate();
        say(String.format("run %s: %d tickets at %.0f/s (%.0f s of load), faults %s", runId, options.tickets(),
                options.rate(), loadSeconds, options.faults()));
        loadStart = System.nanoTime();
        traffic.start();
        sampler.start();

        List<Fault> faults = new ArrayList<>();
        int k = 0;
        for (String fault : options.faults()) {
            double due = loadSeconds * (0.06 + 0.84 * k / Math.max(1, options.faults().size()));
            while (seconds(System.nanoTime()) < due) {
                Thread.sleep(100);
            }
            faults.add(inject(fault, traffic, backlog));
            k++;
        }
        traffic.awaitRequests();
        say("every ticket fired and answered; waiting for the technicians and the platform to catch up");
        long settleDeadline = System.nanoTime() + options.settle().toNanos();
        while (System.nanoTime() < settleDeadline && traffic.visitsPending() > 0) {
            Thread.sleep(1000);
        }
        traffic.stop();
        Reconciliation reconciliation = new Reconciliation(platform, runId);
        Reconciliation.Result result = null;
        while (true) {
            if (backlog.measure() == 0) {
                result = reconciliation.run(traffic.tickets, kpiTickets());
                if (result.clean() || System.nanoTime() > settleDeadline) {
                    break;
                }
                say("not settled yet: lost " + result.lost() + ", duplicated " + result.duplicated());
            } else if (System.nanoTime() > settleDeadline) {
                result = reconciliation.run(traffic.tickets, kpiTickets());
                break;
            }
            Thread.sleep(3000);
        }
        double settledAt = seconds(System.nanoTime());
        sampler.interrupt();
        backlog.close();
        String report = report(traffic, faults, result, settledAt);
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        Files.writeString(options.report(), report);
        System.out.println(report);
        say("report written to " + options.report());
        return new Outcome(result, faults, report);
    }

    private Fault inject(String fault, Traffic traffic, Backlog backlog) throws Exception {
        boolean underLoad = !traffic.allFired();
        long before = System.nanoTime();
        double startedAt = seconds(before);
        long threshold = threshold(before);
        say(String.format("t=%.0fs %s", startedAt, fault));
        if (fault.equals("broker-kill")) {
            platform.killBroker();
            Thread.sleep(options.brokerOutage().toMillis());
            platform.startBroker();
        } else if (fault.equals("postgres-restart")) {
            platform.restartPostgres();
        } else {
            String service = fault.substring(fault.indexOf(':') + 1);
            if (fault.startsWith("kill:")) {
                platform.killService(service);
            } else if (!platform.stopService(service)) {
                say("  " + service + " did not stop within 30 s of SIGTERM: killed");
            }
            platform.startService(service);
        }
        long back = System.nanoTime();
        long caughtUp;
        long giveUp = back + Duration.ofMinutes(3).toNanos();
        while (true) {
            long measured = backlog.measure();
            caughtUp = System.nanoTime();
            if ((measured >= 0 && measured <= threshold) || caughtUp > giveUp) {
                break;
            }
            Thread.sleep(250);
        }
        long nonOk = traffic.attempts.stream().filter(a -> a.sentAtNanos() >= before && a.sentAtNanos() <= back
                && a.status() / 100 != 2).count();
        long openNonOk = traffic.attempts.stream().filter(a -> a.call().equals("open") && a.first()
                && a.sentAtNanos() >= before && a.sentAtNanos() <= back && a.status() / 100 != 2).count();
        long openAll = traffic.attempts.stream().filter(a -> a.call().equals("open") && a.first()
                && a.sentAtNanos() >= before && a.sentAtNanos() <= back).count();
        Map<Integer, Long> statuses = new java.util.TreeMap<>(traffic.attempts.stream()
                .filter(a -> a.call().equals("open") && a.first() && a.sentAtNanos() >= before
                        && a.sentAtNanos() <= back)
                .collect(java.util.stream.Collectors.groupingBy(Traffic.Attempt::status,
                        java.util.stream.Collectors.counting())));
        Fault done = new Fault(fault, startedAt, (back - before) / 1e9, (caughtUp - back) / 1e9, nonOk, openNonOk,
                openAll, underLoad, statuses);
        say(String.format("  back after %.1f s, caught up %.1f s later (backlog <= %d); non-2xx attempts during: "
                + "%d (tickets whose creation did not get 2xx at first: %d of %d, statuses %s; 0 = no answer)",
                done.downSeconds(), done.catchUpSeconds(), threshold, nonOk, openNonOk, openAll, statuses));
        return done;
    }

    /** The backlog the platform carries under this load: twice the median of the last 10 s, at least 2 s of load. */
    private long threshold(long now) {
        List<Long> recent = samples.stream().filter(s -> s[0] > now - 10_000_000_000L && s[1] >= 0)
                .map(s -> s[1]).sorted().toList();
        long median = recent.isEmpty() ? 0 : recent.get(recent.size() / 2);
        return Math.max(2 * median, (long) (2 * options.rate()));
    }

    private int kpiTickets() {
        Http http = new Http();
        int total = 0;
        String month = YearMonth.now(ZoneId.of("Europe/Paris")).toString();
        try {
            String token = platform.token("pilot-manager");
            for (String site : Traffic.SITES) {
                Http.Answer answer = http.send("GET", platform.service("survey-service").baseUrl()
                        + "/pilot/kpis?site=" + site + "&month=" + month, token, null, null);
                if (!answer.ok()) {
                    return -1;
                }
                total += answer.json().path("sites").path(0).path("tickets").asInt();
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** Enough technicians and stock that a realistic share of 10,000 tickets finds a slot and a unit. */
    private void prepareCapacity() throws IOException {
        Http http = new Http();
        String admin = platform.issueToken("fault-suite", List.of("admin"), Duration.ofHours(12));
        Map<String, double[]> bases = Map.of("STRASBOURG", new double[] {48.5734, 7.7521}, "NANCY",
                new double[] {48.6921, 6.1844}, "DIJON", new double[] {47.3220, 5.0415});
        int perSite = Math.max(2, (int) Math.ceil(options.tickets() * 0.15 / 3 / 80.0));
        for (String site : Traffic.SITES) {
            for (int i = 1; i <= perSite; i++) {
                Map<String, Object> technician = new HashMap<>();
                technician.put("name", "Fault suite technician " + site + " " + i);
                technician.put("team", site.equals("DIJON") ? "BFC" : "GRAND_EST");
                technician.put("baseLatitude", bases.get(site)[0]);
                technician.put("baseLongitude", bases.get(site)[1]);
                technician.put("sites", List.of(site));
                technician.put("skills", List.of());
                require(http.send("PUT", platform.service("dispatch-service").baseUrl() + "/technicians/T-FAULT-"
                        + site.substring(0, 3) + "-" + i, admin, technician, null), "technician");
            }
        }
        for (String item : List.of("KEYBOARD", "MOUSE")) {
            require(http.send("PUT", platform.service("logistics-service").baseUrl() + "/stock/CENTRAL/" + item,
                    admin, Map.of("locationKind", "CENTRAL_WAREHOUSE", "available", options.tickets(),
                            "lowThreshold", 10), null), "stock");
        }
        say("capacity: " + perSite + " more technicians per site, " + options.tickets()
                + " keyboards and mice in stock");
    }

    private static void require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException("Cannot prepare " + what + ": " + answer.status() + " " + answer.body());
        }
    }

    private String report(Traffic traffic, List<Fault> faults, Reconciliation.Result result, double settledAt) {
        StringBuilder out = new StringBuilder();
        out.append("Fault suite report, run ").append(runId).append(", ").append(Instant.now()).append('\n');
        out.append(String.format("load: %d tickets fired at %.0f/s (open model), %s%n", options.tickets(),
                options.rate(), result.plans()));
        long attempts = traffic.attempts.size();
        long nonOk = traffic.attempts.stream().filter(a -> a.status() / 100 != 2).count();
        out.append(String.format("HTTP attempts: %d, non-2xx or no answer: %d (retried with the same "
                + "Idempotency-Key)%n", attempts, nonOk));
        out.append(String.format("settled %.0f s after the load began%n%n", settledAt));
        out.append("faults (seconds since the load began; down = until the component was ready again; catch-up = "
                + "until the backlog of unpublished outbox rows and uncommitted records was back to its level under "
                + "load)\n");
        out.append("  (non-2xx: attempts of any call sent while the component was away, retries included; new tickets "
                + "non-2xx: tickets fired then whose first creation attempt got no 2xx, of all fired then)\n");
        out.append(String.format("  %-24s %7s %7s %9s %10s %22s %s%n", "fault", "at", "down", "catch-up",
                "non-2xx", "new tickets non-2xx", "under load"));
        for (Fault f : faults) {
            out.append(String.format("  %-24s %6.0fs %6.1fs %8.1fs %10d %14d of %-5d %s%n", f.name(), f.startedAt(),
                    f.downSeconds(), f.catchUpSeconds(), f.nonOkDuring(), f.openNonOkDuring(),
                    f.openAttemptsDuring(), f.underLoad() ? "yes" : "no"));
            out.append(String.format("  %-24s first creation attempts by status (0: no answer within 15 s): %s%n", "",
                    f.openStatuses()));
        }
        if (!traffic.failureSamples.isEmpty()) {
            out.append("  some answers that were not 2xx:\n");
            traffic.failureSamples.forEach(sample -> out.append("    ").append(sample).append('\n'));
        }
        out.append("\nreconciliation (every accepted ticket, all four databases, every record of every topic)\n");
        out.append(String.format("  %-58s %8s %6s %10s%n", "effect", "expected", "lost", "duplicated"));
        for (Reconciliation.Check check : result.checks()) {
            out.append(String.format("  %-58s %8d %6d %10d%s%n", check.name(), check.expected(), check.lost(),
                    check.duplicated(), check.examples().isEmpty() ? "" : "   e.g. " + check.examples()));
        }
        out.append(String.format("%n  accepted tickets:                 %d%n", result.accepted()));
        out.append(String.format("  requests never accepted:          %d%n", result.unacceptedRequests()));
        out.append(String.format("  existing without acceptance:      %d%n", result.phantoms()));
        out.append(String.format("  pilot KPI tickets (survey API):   %d%n", result.kpiTickets()));
        out.append(String.format("  on-site tickets with no slot:     %d (InterventionAtRisk without a visit)%n",
                result.notBookedNoSlot()));
        out.append(String.format("  records published twice (same ce_id, absorbed by the inboxes): %d%n",
                result.redeliveredRecords()));
        out.append(String.format("  dead-lettered records:            %d%n", result.deadLettered()));
        out.append(String.format("  LOST: %d   DUPLICATED: %d   -> %s%n", result.lost(), result.duplicated(),
                result.clean() && result.kpiTickets() == result.accepted() ? "PASS" : "FAIL"));
        return out.toString();
    }

    private LauncherSettings settings(Path root) throws IOException {
        Map<String, String> env = LauncherSettings.isolatedEnvironment(options.stateDir());
        env.put("KAFKA_PARTITIONS", "3");
        env.put("KAFKA_PROCESS", "child");
        env.put("SERVICE_JAVA_OPTS", LauncherSettings.SUITE_SERVICE_JAVA_OPTS);
        return LauncherSettings.from(env, root);
    }

    private double seconds(long nanos) {
        return (nanos - loadStart) / 1e9;
    }

    private void say(String what) {
        String line = "[fault-suite] " + what;
        log.append(line).append('\n');
        System.out.println(line);
    }
}
