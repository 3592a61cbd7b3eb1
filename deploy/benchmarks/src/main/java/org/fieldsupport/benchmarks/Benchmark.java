package org.fieldsupport.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.fieldsupport.launcher.LauncherSettings;
import org.fieldsupport.launcher.LocalPlatform;
import org.fieldsupport.launcher.ServiceSpec;
import org.fieldsupport.replay.GeneratedTicket;
import org.fieldsupport.replay.PlatformClient;
import org.fieldsupport.replay.QuarterGenerator;
import org.fieldsupport.replay.ReplayPlayer;
import org.fieldsupport.replay.Scenario;
import org.fieldsupport.replay.SyntheticSites;

/**
 * The benchmark: starts the platform as {@code ./deploy/run} does (free ports, its own state under
 * {@code deploy/benchmarks/target/}), measures the machine's limits on the same PostgreSQL server and broker, drives
 * the scenarios with Gatling's open model and writes what it measured to {@code target/bench/results.md}. The mix
 * runs on a platform started for it when a load step (create, saturation, escalation) came before it, so that the
 * memory after it is the mix's.
 *
 * <p>Arguments: the scenarios to run, among {@code limits create saturation escalation mix replay startup}
 * (default: {@code limits create saturation escalation mix}). System properties: {@code bench.create.rate} (300),
 * {@code bench.create.seconds} (60), {@code bench.create.runs} (3), {@code bench.saturation.rates}
 * (400,500,650,800,1000), {@code bench.saturation.seconds} (20), {@code bench.escalation.rate} (50),
 * {@code bench.escalation.seconds} (60), {@code bench.escalation.profile} (a service to record with JFR during
 * scenario 2; none by default: the recording's start and samples delay the service measured),
 * {@code bench.mix.rate} (100), {@code bench.mix.seconds} (600),
 * {@code bench.mix.profile} (a service to record with JFR during scenario 3; none by default),
 * {@code bench.mix.technicians-per-site} (enough for the mix's on-site visits, see {@link #provideForTheMix}),
 * {@code bench.replay.sites} (100), {@code bench.replay.lanes} (16), {@code bench.replay.seed} (2024),
 * {@code bench.replay.patience-seconds} (900), {@code bench.replay.start-lanes-within-seconds} (no lane starts
 * later; no limit by default), {@code bench.replay.profile} (a service to record with JFR during
 * scenario 4, none by default),
 * and the environment variable {@code BENCH_STARTUP_OPTIONS} (service JVM option sets to compare at start-up,
 * separated by {@code |}; a set with {@code -XX:SharedArchiveFile=F} or {@code -Xshare} replaces the class-data
 * archive the services' own runs write, e.g. {@code -XX:SharedArchiveFile=$JAVA_HOME/lib/server/classes.jsa} for
 * the JDK's classes only;
 * {@code bench.startup.restarts} (3) restarts of each service alone follow each start).
 */
public final class Benchmark {

    private static final Pattern READY = Pattern.compile("\\[(\\S+)\\s*\\] ready in (\\d+) ms");

    private final Path root;
    private final Path work;
    private final StringBuilder results = new StringBuilder();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private LocalPlatform platform;
    /** Scenario 4's sites, known before the platform starts: survey-service is configured with them. */
    private SyntheticSites synthetic;
    private Limits.PgBench pgbenchMax;
    private Limits.ProducerPerf producerPerf;

    private Benchmark(Path root) {
        this.root = root;
        this.work = root.resolve("deploy/benchmarks/target/bench");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        List<String> scenarios = args.length > 0 ? List.of(args)
                : List.of("limits", "create", "saturation", "escalation", "mix");
        Benchmark bench = new Benchmark(root);
        try {
            bench.run(scenarios);
        } finally {
            bench.stopPlatform();
            bench.write();
        }
        System.exit(0);
    }

    private void run(List<String> scenarios) throws Exception {
        Files.createDirectories(work);
        section("Run of " + Instant.now() + ": " + String.join(" ", scenarios));
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Limits.runAndCapture(List.of("sh", "-c", "free -g | awk '/Mem:/{print $2\" GB\"}'"), work,
                        Map.of()).trim() + " of memory; load average before the start " + Machine.loadAverage());
        if (scenarios.contains("startup")) {
            startupComparison();
        }
        if (scenarios.contains("replay")) {
            synthetic = SyntheticSites.generate(Integer.parseInt(System.getProperty("bench.replay.sites", "100")),
                    Long.parseLong(System.getProperty("bench.replay.seed", "2024")));
        }
        if (scenarios.stream().anyMatch(s -> !s.equals("startup"))) {
            startPlatformForLoad();
        }
        if (scenarios.contains("limits")) {
            limits();
        }
        if (scenarios.stream().anyMatch(List.of("create", "saturation", "escalation", "mix")::contains)) {
            warmUp(scenarios.contains("escalation"));
        }
        // The escalations first: scenario 1 leaves tens of thousands of TicketOpened events for the other services
        // to consume, and an escalation read behind them measures that backlog, not the on-site path.
        if (scenarios.contains("escalation")) {
            escalation();
        }
        if (scenarios.contains("create")) {
            create();
        }
        if (scenarios.contains("saturation")) {
            saturation();
        }
        if (scenarios.contains("mix")) {
            if (scenarios.stream().anyMatch(List.of("create", "saturation", "escalation")::contains)) {
                freshPlatformForTheMix();
            }
            awaitNoLag(300);
            mix();
        }
        if (scenarios.contains("replay")) {
            awaitNoLag(300);
            replay();
        }
        if (platform != null) {
            memory("after the load");
        }
    }

    /**
     * The memory after the mix is a target of its own, and the steps before it leave their mark: at saturation
     * ticket-service queues seconds of requests and its heap grows, which SerialGC gives back only at a full collection
     * that the mix never needs (run 153: 497 MB after the whole set, run 155: 270 MB after the mix alone). So the mix
     * gets a platform of its own, started and warmed up as for the mix alone, once the memory the earlier steps left
     * is written down.
     */
    private void freshPlatformForTheMix() throws Exception {
        memory("after the steps before the mix");
        stopPlatform();
        startPlatformForLoad();
        warmUp(false);
    }

    /** The platform the load steps measure: the services' options, plus survey-service's replay sites if any. */
    private void startPlatformForLoad() throws Exception {
        startPlatform(serviceJavaOpts() + surveySiteOptions(), true);
    }

    private static String serviceJavaOpts() {
        return System.getenv().getOrDefault("SERVICE_JAVA_OPTS", LauncherSettings.DEFAULT_SERVICE_JAVA_OPTS);
    }

    // ---------------------------------------------------------------- the platform

    private Map<String, Long> startPlatform(String javaOpts, boolean forLoad) throws Exception {
        line("");
        StringBuilder ownOptions = new StringBuilder();
        LauncherSettings trainingOrMeasured = platformSettings(javaOpts, ownOptions);
        // The measured platform starts on fresh state (the folder wiped, new ports), as if no training had run.
        LauncherSettings settings = trainClassDataArchives(trainingOrMeasured)
                ? platformSettings(javaOpts, new StringBuilder())
                : trainingOrMeasured;
        long mapped = settings.services().stream().filter(spec -> settings.classDataArchive(spec).mapped()).count();
        line("Platform start, SERVICE_JAVA_OPTS=`" + javaOpts + "`" + ownOptions + ", class-data archives (AppCDS) "
                + "written by earlier runs of this build mapped by " + mapped + " of " + settings.services().size()
                + " services (the others write theirs when they stop), each service "
                + (settings.cpuSharedPerService() ? "in a session of its own (SERVICE_CPU_SHARING=per-service)"
                        : "in the benchmark's session (SERVICE_CPU_SHARING=per-thread)")
                + ", load average " + Machine.loadAverage());
        console.reset();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new TeeStream(original, console), true));
        long started = System.nanoTime();
        try {
            platform = new LocalPlatform(settings);
            platform.start();
        } finally {
            System.setOut(original);
        }
        long platformMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> ready = new LinkedHashMap<>();
        Matcher m = READY.matcher(console.toString());
        while (m.find()) {
            ready.put(m.group(1), Long.parseLong(m.group(2)));
        }
        line("- whole platform (PostgreSQL, broker, four services, reference data) started in " + platformMs
                + " ms; each service ready (started side by side on " + Runtime.getRuntime().availableProcessors()
                + " cores) in: " + ready.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                        .collect(Collectors.joining(", ")));
        System.setProperty("bench.ticket.url", platform.service("ticket-service").baseUrl());
        System.setProperty("bench.logistics.url", platform.service("logistics-service").baseUrl());
        System.setProperty("bench.tokens", settings.tokens().toString());
        if (forLoad) {
            Thread.sleep(10_000);
            memory("at rest, 10 s after the start");
        }
        return ready;
    }

    /**
     * The settings of a platform on fresh state (the folder wiped, free ports) with the services' options, each
     * service's own ({@code TICKET_SERVICE_JAVA_OPTS}…) from this environment, named in {@code ownOptions}.
     */
    private LauncherSettings platformSettings(String javaOpts, StringBuilder ownOptions) throws IOException {
        Map<String, String> env = LauncherSettings.isolatedEnvironment(
                root.resolve("deploy/benchmarks/target/platform-state"));
        env.put("SERVICE_JAVA_OPTS", javaOpts);
        String cpuSharing = System.getenv("SERVICE_CPU_SHARING");
        if (cpuSharing != null && !cpuSharing.isBlank()) {
            env.put("SERVICE_CPU_SHARING", cpuSharing);
        }
        for (ServiceSpec spec : ServiceSpec.DEFAULTS) {
            String variable = spec.javaOptsVariable();
            String own = System.getenv(variable);
            if (own != null && !own.isBlank()) {
                env.put(variable, own);
                ownOptions.append(", ").append(variable).append("=`").append(own).append('`');
            }
        }
        return LauncherSettings.from(env, root);
    }

    /**
     * A service that writes its class-data archive is not the service a user runs (run 84: the first scenario 2 after
     * a build had a backlog of seconds; run 97: four training starts side by side ready in 17.6-18.6 s), so the build's
     * archives are written first by one start and stop of a platform of their own, whose figures are not kept. True
     * when it ran.
     */
    private boolean trainClassDataArchives(LauncherSettings settings) throws Exception {
        List<String> training = settings.services().stream()
                .filter(spec -> settings.classDataArchive(spec).training())
                .map(ServiceSpec::name)
                .toList();
        if (training.isEmpty()) {
            return false;
        }
        line("- class-data archives written first by one start and stop of the platform (not measured): "
                + String.join(", ", training));
        LocalPlatform trainer = new LocalPlatform(settings);
        try {
            trainer.start();
        } finally {
            trainer.stop();
        }
        return true;
    }

    private void stopPlatform() {
        if (platform != null) {
            platform.stop();
            platform = null;
        }
    }

    private Map<String, Double> memory(String when) {
        Map<String, Double> rss = new LinkedHashMap<>();
        StringBuilder row = new StringBuilder("- RSS " + when + ": ");
        double total = 0;
        Map<String, Long> pids = Machine.servicePids();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            double mb = Machine.statusMb(e.getValue(), "VmRSS").orElse(Double.NaN);
            double peak = Machine.statusMb(e.getValue(), "VmHWM").orElse(Double.NaN);
            rss.put(e.getKey(), mb);
            total += mb;
            row.append(String.format(Locale.ROOT, "%s %.0f MB (peak %.0f), ", e.getKey(), mb, peak));
        }
        long self = ProcessHandle.current().pid();
        double launcher = Machine.statusMb(self, "VmRSS").orElse(Double.NaN);
        row.append(String.format(Locale.ROOT, "services together %.0f MB; this JVM (broker + load generator) %.0f MB",
                total, launcher));
        line(row.toString());
        pids.forEach(this::nativeMemory);
        return rss;
    }

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+MB, committed=(\\d+)MB");
    private static final Pattern NMT_CATEGORY = Pattern.compile(
            "-\\s+([A-Za-z][A-Za-z ]*?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)");

    /**
     * Where a service's committed memory goes, when it runs with -XX:NativeMemoryTracking=summary: the categories of
     * a megabyte or more, largest first. Committed is not resident (a committed page may be untouched), and RSS also
     * holds what the JVM does not track (the JDK's libraries, the class-data archive's mapping, malloc's own).
     */
    private void nativeMemory(String service, long pid) {
        if (!Machine.commandLine(pid).contains("NativeMemoryTracking")) {
            return;
        }
        try {
            String out = jcmd(pid, "VM.native_memory", "summary", "scale=MB");
            Matcher total = NMT_TOTAL.matcher(out);
            if (!total.find()) {
                line("  - " + service + ": no native memory summary (" + out.strip() + ")");
                return;
            }
            Map<String, Integer> committed = new LinkedHashMap<>();
            Matcher category = NMT_CATEGORY.matcher(out);
            while (category.find()) {
                committed.put(category.group(1).strip(), Integer.parseInt(category.group(2)));
            }
            StringBuilder row = new StringBuilder("  - " + service + " committed (native memory tracking): "
                    + total.group(1) + " MB: ");
            committed.entrySet().stream().filter(e -> e.getValue() >= 1)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> row.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
            line(row.substring(0, row.length() - 2));
        } catch (Exception e) {
            line("  - " + service + ": no native memory summary (" + e.getMessage() + ")");
        }
    }

    // ---------------------------------------------------------------- the machine's limits

    private void limits() throws Exception {
        section("Limits of the machine (same PostgreSQL server, same broker)");
        int pgPort = platform.settings().pgPort();
        Limits.prepareScratchDatabase("127.0.0.1", pgPort);
        line("load average before pgbench: " + Machine.loadAverage());
        pgbenchMax = Limits.pgbench("127.0.0.1", pgPort, 8, 20, 0, work.resolve("pgbench"));
        line(String.format(Locale.ROOT, "- pgbench ticket+outbox, 8 clients flat out: **%.0f tps**, average %.1f ms,"
                + " p99 %.1f ms (`%s`)", pgbenchMax.tps(), pgbenchMax.avgLatencyMs(), pgbenchMax.p99LatencyMs(),
                pgbenchMax.command()));
        Limits.PgBench fixed = Limits.pgbench("127.0.0.1", pgPort, 8, 20, 300, work.resolve("pgbench"));
        line(String.format(Locale.ROOT, "- pgbench ticket+outbox at a fixed 300/s (-R, latency from the schedule): "
                + "%.0f tps, average %.1f ms, p99 %.1f ms", fixed.tps(), fixed.avgLatencyMs(), fixed.p99LatencyMs()));
        line("load average before ProducerPerformance: " + Machine.loadAverage());
        producerPerf = Limits.producerPerformance(platform.kafkaBootstrapServers(), platform.settings().partitions(),
                300_000, 600, work);
        line(String.format(Locale.ROOT, "- Kafka ProducerPerformance, 600-byte records, acks=all, idempotent: "
                + "**%.0f records/s** (%.1f MB/s), p99 %.0f ms (`%s`)", producerPerf.recordsPerSecond(),
                producerPerf.mbPerSecond(), producerPerf.p99Ms(), producerPerf.command()));
    }

    // ---------------------------------------------------------------- scenario 1

    /** A freshly started JVM answers slowly until its hot paths are compiled: a minute of load not reported. */
    private void warmUp(boolean escalations) throws Exception {
        int seconds = Integer.parseInt(System.getProperty("bench.warmup.seconds", "30"));
        line("");
        line("(warm-up, not reported: ticket creation at 100/s" + (escalations ? " and escalations at 20/s" : "")
                + ", " + seconds + " s each; load average before " + Machine.loadAverage() + ")");
        GatlingRun.run(TicketCreationSimulation.class, 100, seconds, work.resolve("warmup"), "warm-up");
        if (escalations) {
            // Dispatch needs its own warm-up, but a backlog of bookings would weigh on the other scenarios.
            GatlingRun.run(EscalationSimulation.class, 20, seconds, work.resolve("warmup"), "warm-up");
        }
        Thread.sleep(5_000);
    }

    private void create() throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.create.rate", "300"));
        int seconds = Integer.parseInt(System.getProperty("bench.create.seconds", "60"));
        int runs = Integer.parseInt(System.getProperty("bench.create.runs", "3"));
        section(String.format(Locale.ROOT, "Scenario 1: ticket creation at %.0f/s for %d s, %d runs", rate, seconds,
                runs));
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> p999 = new ArrayList<>();
        List<Double> throughput = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            if (i > 1) {
                // A run that overloaded the service leaves it working off timed-out requests: let it finish them.
                Thread.sleep(15_000);
                awaitNoLag(120);
            }
            String load = Machine.loadAverage();
            CpuWindow cpu = new CpuWindow();
            Path jfr = i == 1 ? startProfile("ticket-service", seconds) : null;
            GatlingRun run = GatlingRun.run(TicketCreationSimulation.class, rate, seconds, work.resolve("gatling"),
                    "ticket creation " + rate + "/s run " + i);
            GatlingRun.Figures all = run.all();
            p50.add(all.p50());
            p99.add(all.p99());
            p999.add(all.p999());
            throughput.add(all.okPerSecond());
            errors.add((double) all.ko());
            line(String.format(Locale.ROOT, "- run %d (load average before: %s): %d ok, %d errors, %.1f ok/s, "
                    + "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms; %s; report %s", i, load,
                    all.ok(), all.ko(), all.okPerSecond(), all.p50(), all.p90(), all.p99(), all.p999(), all.max(),
                    cpu.summary(), root.relativize(run.reportDir)));
            if (jfr != null) {
                summariseProfile(jfr, "ticket-service during run 1");
            }
        }
        line(String.format(Locale.ROOT, "- **median of %d runs**: p50 %s, p99 %s, p99.9 %s, throughput %s, errors %s",
                runs, LatencyStats.spread(p50, "%.0f ms"), LatencyStats.spread(p99, "%.0f ms"),
                LatencyStats.spread(p999, "%.0f ms"), LatencyStats.spread(throughput, "%.1f/s"),
                LatencyStats.spread(errors, "%.0f")));
        line("- target p99 ≤ 50 ms with no error: " + (LatencyStats.median(p99) <= 50
                && errors.stream().allMatch(e -> e == 0) ? "**met**" : "**missed**"));
    }

    private void saturation() throws Exception {
        String rates = System.getProperty("bench.saturation.rates", "400,500,650,800,1000");
        int seconds = Integer.parseInt(System.getProperty("bench.saturation.seconds", "20"));
        section("Scenario 1b: ticket creation, saturation search (" + seconds + " s per step)");
        double best = 0;
        for (String r : rates.split(",")) {
            double rate = Double.parseDouble(r.trim());
            String load = Machine.loadAverage();
            CpuWindow cpu = new CpuWindow();
            GatlingRun.Figures all = GatlingRun.run(TicketCreationSimulation.class, rate, seconds,
                    work.resolve("gatling"), "saturation " + rate + "/s").all();
            // Gatling's count per second over the whole run, tail included: what was completed, not what was sent.
            double achieved = all.okPerSecond();
            best = Math.max(best, achieved);
            line(String.format(Locale.ROOT, "- offered %.0f/s (load average before: %s): %d ok (%.0f/s over the "
                    + "step), %d errors, p50 %.0f ms, p99 %.0f ms, max %.0f ms; %s", rate, load, all.ok(), achieved,
                    all.ko(), all.p50(), all.p99(), all.max(), cpu.summary()));
            if (all.ko() > 0.01 * (all.ok() + all.ko()) || achieved < 0.9 * rate || all.p99() > 2000) {
                line("  (saturated: stopping the search)");
                break;
            }
            Thread.sleep(5_000);
        }
        line(String.format(Locale.ROOT, "- **saturation: about %.0f tickets/s** completed; pgbench ticket+outbox "
                + "limit %s → ratio **%s** (target ≥ 40%%)", best,
                pgbenchMax == null ? "not measured" : String.format(Locale.ROOT, "%.0f tps", pgbenchMax.tps()),
                pgbenchMax == null ? "n/a" : LatencyStats.ratio(best, pgbenchMax.tps())));
        if (producerPerf != null) {
            line(String.format(Locale.ROOT, "- one TicketOpened event per ticket: %.0f events/s against the broker's "
                    + "%.0f records/s from ProducerPerformance → %s", best, producerPerf.recordsPerSecond(),
                    LatencyStats.ratio(best, producerPerf.recordsPerSecond())));
        }
    }

    // ---------------------------------------------------------------- scenario 4

    /**
     * Survey-service's configuration for scenario 4's sites (its pilot sites and their holiday regions come from its
     * configuration, not from an API), as system properties appended to the services' JVM options; empty without it.
     */
    private String surveySiteOptions() throws IOException {
        if (synthetic == null) {
            return "";
        }
        List<String> referenceSites = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(root.resolve(
                "deploy/reference-data/sites.json").toFile()).forEach(site -> referenceSites.add(site.get("code")
                        .asText()));
        StringBuilder options = new StringBuilder();
        synthetic.surveyServiceProperties(referenceSites).forEach((key, value) -> options.append(" -D").append(key)
                .append('=').append(value));
        return options.toString();
    }

    /**
     * Scenario 4: a generated year (2024) of the synthetic sites, registered through the admin APIs as the reference
     * data is, then played through the historical import in one lane per site, {@code bench.replay.lanes} at a time.
     * The wall time runs from the first call of the replay until the pilot's figures show every ticket, visit,
     * delivery and survey; then each site's figures are compared with what was generated.
     */
    private void replay() throws Exception {
        int lanes = Integer.parseInt(System.getProperty("bench.replay.lanes", "16"));
        // On a shared machine with a quiet window to respect: no lane starts after this (default: no limit).
        long maxSeconds = Long.parseLong(System.getProperty("bench.replay.start-lanes-within-seconds",
                String.valueOf(Long.MAX_VALUE / 2_000_000_000L)));
        long seed = Long.parseLong(System.getProperty("bench.replay.seed", "2024"));
        Duration patience = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.replay.patience-seconds",
                "900")));
        section(String.format(Locale.ROOT, "Scenario 4: a generated year for %d synthetic sites through the "
                + "historical import, %d lanes at a time", synthetic.sites().size(), lanes));
        long generating = System.nanoTime();
        Scenario scenario = new QuarterGenerator().generate(synthetic.year(seed, 2024));
        Map<GeneratedTicket.Kind, Long> kinds = new java.util.EnumMap<>(GeneratedTicket.Kind.class);
        scenario.tickets().forEach(t -> kinds.merge(t.kind(), 1L, Long::sum));
        line(String.format(Locale.ROOT, "- generated (seed %d) in %d ms: **%d tickets** %s, %d sick days", seed,
                (System.nanoTime() - generating) / 1_000_000, scenario.tickets().size(), kinds,
                scenario.absences().size()));
        long registering = System.nanoTime();
        String registered = platform.addReferenceData(synthetic.sitesJson(), synthetic.techniciansJson(),
                synthetic.logisticsJson());
        line(String.format(Locale.ROOT, "- registered through the admin APIs in %.1f s: %s", (System.nanoTime()
                - registering) / 1e9, registered));
        awaitNoLag(120);

        Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        Path tokenDir = platform.settings().tokens();
        PlatformClient client = new PlatformClient(role -> tokens.computeIfAbsent(role, r -> {
            try {
                return Files.readString(tokenDir.resolve(r + ".jwt")).trim();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), Files.readString(platform.settings().stateDir().resolve("secrets/webhook.key")).trim()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PlatformClient.Endpoints endpoints = new PlatformClient.Endpoints(
                platform.service("ticket-service").baseUrl(), platform.service("dispatch-service").baseUrl(),
                platform.service("logistics-service").baseUrl(), platform.service("survey-service").baseUrl());

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<String, Long> before = TopicCounts.records(admin);
            String load = Machine.loadAverage();
            CpuWindow cpu = new CpuWindow();
            String profiled = System.getProperty("bench.replay.profile");
            Path jfr = profiled == null ? null : startProfile(profiled, 120);
            ReplayPlayer.Result result = new ReplayPlayer(client, endpoints, patience, System.out)
                    .playConcurrently(scenario, synthetic.lanes(scenario), lanes, Duration.ofSeconds(5),
                            Instant.now().plusSeconds(maxSeconds));
            String cpuSummary = cpu.summary();
            double seconds = result.took().toMillis() / 1000.0;
            long settling = System.nanoTime();
            awaitNoLag(600);
            double settled = (System.nanoTime() - settling) / 1e9;
            Map<String, Long> added = TopicCounts.added(before, TopicCounts.records(admin));
            long downstream = added.entrySet().stream().filter(e -> !e.getKey().endsWith(".dlq")
                    && !e.getKey().equals("ticket.events")).mapToLong(Map.Entry::getValue).sum();
            long deadLetters = added.entrySet().stream().filter(e -> e.getKey().endsWith(".dlq"))
                    .mapToLong(Map.Entry::getValue).sum();
            line(String.format(Locale.ROOT, "- load average before: %s; %s", load, cpuSummary));
            if (result.expected().size() < synthetic.sites().size()) {
                line(String.format(Locale.ROOT, "- **only %d of %d sites played**: no lane started after %d s",
                        result.expected().size(), synthetic.sites().size(), maxSeconds));
            }
            line(String.format(Locale.ROOT, "- **%d tickets in %.1f s: %.1f tickets/s** (target: about 66,000 in "
                    + "under 300 s, 220/s); %d visits completed, %d parcels delivered, %d surveys imported; every "
                    + "consumer group caught up %.1f s later", result.ticketIds().size(), seconds,
                    result.ticketIds().size() / seconds, result.visitsCompleted(), result.parcelsDelivered(),
                    result.surveysImported(), settled));
            line(String.format(Locale.ROOT, "- events published during the replay: %s; **%d downstream events** "
                    + "(dispatch, logistics and survey topics), %d records on ticket.events, %d dead letters", added
                            .entrySet().stream().filter(e -> !e.getKey().endsWith(".dlq"))
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                    downstream, added.getOrDefault("ticket.events", 0L), deadLetters));
            List<String> mismatches = ReplayCheck.mismatches(result.kpis(), result.expected());
            line(String.format(Locale.ROOT, "- the pilot's figures for 2024 against the generated year, site by site "
                    + "(tickets, on-site interventions, parcels delivered, survey invitations and answers): %s",
                    mismatches.isEmpty() && deadLetters == 0
                            ? "**all " + result.expected().size() + " sites equal, nothing dead-lettered**"
                            : "**" + mismatches.size() + " differences**: " + String.join("; ", mismatches)));
            line("- downstream effects, counted in each service's database: " + downstreamCounts());
            if (jfr != null) {
                summariseProfile(jfr, profiled + " during the first 120 s of scenario 4");
            }
        }
    }

    // ---------------------------------------------------------------- scenario 2

    private void escalation() throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.escalation.rate", "50"));
        int seconds = Integer.parseInt(System.getProperty("bench.escalation.seconds", "60"));
        section(String.format(Locale.ROOT, "Scenario 2: escalation → InterventionScheduled at %.0f/s for %d s",
                rate, seconds));
        addTechnicians(Integer.parseInt(System.getProperty("bench.escalation.technicians-per-site", "12")));
        awaitNoLag(300);
        Target.ESCALATED_AT.clear();
        String load = Machine.loadAverage();
        try (DispatchEventProbe probe = new DispatchEventProbe(platform.kafkaBootstrapServers())) {
            CpuWindow cpu = new CpuWindow();
            String profiled = System.getProperty("bench.escalation.profile");
            Path jfr = startProfile(profiled, seconds);
            GatlingRun run = GatlingRun.run(EscalationSimulation.class, rate, seconds, work.resolve("gatling"),
                    "escalation " + rate + "/s");
            String cpuSummary = cpu.summary();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && Target.ESCALATED_AT.keySet().stream()
                    .anyMatch(t -> !probe.scheduledAt.containsKey(t) && !probe.atRiskAt.containsKey(t))) {
                Thread.sleep(200);
            }
            List<Double> answered = new ArrayList<>();
            int missing = 0;
            for (Map.Entry<String, Long> e : Target.ESCALATED_AT.entrySet()) {
                Long booked = probe.scheduledAt.get(e.getKey());
                Long atRisk = probe.atRiskAt.get(e.getKey());
                if (booked == null && atRisk == null) {
                    missing++;
                } else {
                    answered.add((Math.min(booked == null ? Long.MAX_VALUE : booked,
                            atRisk == null ? Long.MAX_VALUE : atRisk) - e.getValue()) / 1000.0);
                }
            }
            double[] values = differences(Target.ESCALATED_AT, probe.scheduledAt);
            double[] any = answered.stream().mapToDouble(Double::doubleValue).toArray();
            GatlingRun.Figures esc = run.request("POST /tickets/{id}/escalation");
            line(String.format(Locale.ROOT, "- load average before: %s; %s; report %s", load, cpuSummary,
                    root.relativize(run.reportDir)));
            if (esc != null) {
                line(String.format(Locale.ROOT, "- HTTP escalation: %d accepted, %d errors, p50 %.0f ms, p99 %.0f ms",
                        esc.ok(), esc.ko(), esc.p50(), esc.p99()));
            }
            double p50 = LatencyStats.percentile(values, 50);
            double p99 = LatencyStats.percentile(values, 99);
            line(String.format(Locale.ROOT, "- 202 → InterventionScheduled at our consumer: %d booked; **p50 %.0f ms, "
                    + "p90 %.0f ms, p99 %.0f ms**, max %.0f ms (targets 100 / 300 ms: p50 %s, p99 %s)",
                    values.length, p50, LatencyStats.percentile(values, 90), p99,
                    LatencyStats.percentile(values, 100), p50 <= 100 ? "met" : "missed",
                    p99 <= 300 ? "met" : "missed"));
            line(String.format(Locale.ROOT, "- 202 → dispatch's answer (InterventionScheduled, or InterventionAtRisk "
                    + "when the technicians' agendas are full): %d answered (%d at risk), %d without answer after "
                    + "60 s; p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms", any.length, any.length
                            - values.length, missing, LatencyStats.percentile(any, 50),
                    LatencyStats.percentile(any, 90), LatencyStats.percentile(any, 99),
                    LatencyStats.percentile(any, 100)));
            line("- where the time goes, p50 / p90 / p99 of each leg (ms): 202 → TicketEscalated at our consumer "
                    + legs(Target.ESCALATED_AT, probe.escalatedAt) + "; → InterventionScheduled taken by dispatch's "
                    + "producer (the record's timestamp) " + legs(probe.escalatedAt, probe.scheduledSentAt)
                    + "; → at our consumer " + legs(probe.scheduledSentAt, probe.scheduledAt));
            OutboxTimes outbox = outboxTimes("dispatch-service", "InterventionScheduled");
            line("- dispatch's leg in two, from its outbox (p50 / p90 / p99, ms): TicketEscalated at our consumer → "
                    + "InterventionScheduled written by the booking " + legs(probe.escalatedAt, outbox.appended())
                    + "; → sent by the relay, after the commit " + legs(outbox.appended(), outbox.relayed()));
            line("- 202 → InterventionScheduled p50 by 10 s of acceptances (ms): " + byWindow(probe.scheduledAt));
            summariseProfile(jfr, profiled + " during the escalations");
        }
    }

    /**
     * When a service's outbox received each event of a type, by record key (the transaction appending it), and when
     * its relay sent it (it notes the time once the batch is handed to the producer, before the broker's
     * acknowledgement); epoch microseconds.
     */
    private record OutboxTimes(Map<String, Long> appended, Map<String, Long> relayed) {
    }

    /** The outbox times of the service's events of a type, from the rows of the last ten minutes. */
    private OutboxTimes outboxTimes(String service, String eventType) throws Exception {
        OutboxTimes times = new OutboxTimes(new HashMap<>(), new HashMap<>());
        try (var db = platform.openDatabase(service); var st = db.prepareStatement("select record_key, created_at, "
                + "published_at from outbox_event where event_type = ? and published_at is not null "
                + "and created_at > now() - interval '10 minutes'")) {
            st.setString(1, eventType);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    times.appended().put(rs.getString(1), Target.micros(rs.getTimestamp(2).toInstant()));
                    times.relayed().put(rs.getString(1), Target.micros(rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return times;
    }

    /** {@code to - from} in ms, for each escalated ticket present in both. */
    private static double[] differences(Map<String, Long> from, Map<String, Long> to) {
        return Target.ESCALATED_AT.keySet().stream()
                .filter(t -> from.containsKey(t) && to.containsKey(t))
                .mapToDouble(t -> (to.get(t) - from.get(t)) / 1000.0).toArray();
    }

    /** p50 / p90 / p99 of {@code to - from} over the escalated tickets present in both, in ms. */
    private static String legs(Map<String, Long> from, Map<String, Long> to) {
        double[] values = differences(from, to);
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", LatencyStats.percentile(values, 50),
                LatencyStats.percentile(values, 90), LatencyStats.percentile(values, 99));
    }

    /** The median latency of the escalations accepted in each 10-s window: does a backlog build up over the run? */
    private static String byWindow(Map<String, Long> scheduledAt) {
        long first = Target.ESCALATED_AT.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Map<Long, List<Double>> windows = new TreeMap<>();
        Target.ESCALATED_AT.forEach((ticket, accepted) -> {
            Long booked = scheduledAt.get(ticket);
            if (booked != null) {
                windows.computeIfAbsent((accepted - first) / 10_000_000, w -> new ArrayList<>())
                        .add((booked - accepted) / 1000.0);
            }
        });
        return windows.entrySet().stream()
                .map(w -> String.format(Locale.ROOT, "%d–%d s %.0f", w.getKey() * 10, w.getKey() * 10 + 10,
                        LatencyStats.median(w.getValue())))
                .collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- scenario 3

    private void mix() throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.mix.rate", "100"));
        int seconds = Integer.parseInt(System.getProperty("bench.mix.seconds", "600"));
        section(String.format(Locale.ROOT, "Scenario 3: mixed load at %.0f tickets/s for %d s", rate, seconds));
        provideForTheMix(rate * seconds);
        awaitNoLag(300);
        String load = Machine.loadAverage();
        long bookedBefore = count("dispatch-service", BOOKED_FOR_TICKETS);
        long atRiskBefore = count("ticket-service", TICKETS_AT_RISK);
        long underwayBefore = count("logistics-service", SHIPMENTS_UNDERWAY);
        CpuWindow cpu = new CpuWindow();
        String profiled = System.getProperty("bench.mix.profile");
        Path jfr = profiled == null ? null : startProfile(profiled, seconds);
        Path simulated = GatlingRun.simulate(MixedLoadSimulation.class, rate, seconds, work.resolve("gatling"),
                "mixed " + rate + "/s for " + seconds + " s");
        String loadAfter = Machine.loadAverage();
        String cpuSummary = cpu.summary();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            CatchUp catchUp = awaitCatchUp(admin);
            GatlingRun run = GatlingRun.report(simulated);
            line(String.format(Locale.ROOT, "- load average before: %s, after: %s; %s; report %s", load, loadAfter,
                    cpuSummary, root.relativize(run.reportDir)));
            for (GatlingRun.Figures f : run.figures.values()) {
                line(String.format(Locale.ROOT, "  - %s: %d ok, %d errors, p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                        f.name(), f.ok(), f.ko(), f.p50(), f.p99(), f.max()));
            }
            line("- consumer lag (records) when the load stopped: " + catchUp.lagWhenStopped()
                    + "; events not yet published (outbox): " + catchUp.unpublishedWhenStopped());
            String lastBehind = catchUp.lastBehind().entrySet().stream()
                    .map(g -> String.format(Locale.ROOT, "%s %.2f s", g.getKey(), g.getValue()))
                    .collect(Collectors.joining(", "));
            line(String.format(Locale.ROOT, "- every consumer group caught up and every outbox published %.2f s "
                    + "after the load stopped (remaining: %s, outbox %s; each group last seen behind at: %s)",
                    catchUp.seconds(), catchUp.lagAtTheEnd(), catchUp.unpublishedAtTheEnd(), lastBehind));
            line("- downstream effects, counted in each service's database: " + downstreamCounts());
            if (jfr != null) {
                summariseProfile(jfr, profiled + " during the mixed load");
            }
            GatlingRun.Figures onSite = run.request("POST /tickets/{id}/escalation (ON_SITE)");
            GatlingRun.Figures shipments = run.request("POST /tickets/{id}/escalation (SHIPMENT)");
            long booked = count("dispatch-service", BOOKED_FOR_TICKETS) - bookedBefore;
            long lateVisits = count("ticket-service", TICKETS_AT_RISK) - atRiskBefore;
            long dispatched = count("logistics-service", SHIPMENTS_UNDERWAY) - underwayBefore;
            long escalatedOnSite = onSite == null ? 0 : onSite.ok();
            long shipped = shipments == null ? 0 : shipments.ok();
            boolean done = booked == escalatedOnSite && dispatched == shipped
                    && catchUp.everythingApplied();
            // A visit booked after the site's promise (next business day, or the half-day) leaves its ticket AT_RISK:
            // the platform did its part, the agendas are what they are.
            line(String.format(Locale.ROOT, "- target (every downstream effect done, lag under 1 s at the end): "
                    + "%d of %d on-site escalations booked (%d of their tickets AT_RISK, the visit after the site's "
                    + "promise), %d of %d shipments dispatched; caught up %.2f s after the load: effects %s, lag %s",
                    booked, escalatedOnSite, lateVisits, dispatched, shipped, catchUp.seconds(),
                    done ? "met" : "missed", catchUp.seconds() < 1 ? "met" : "missed"));
        }
    }

    private static final String BOOKED_FOR_TICKETS = "select count(*) from intervention where ticket_id is not null";
    private static final String TICKETS_AT_RISK = "select count(*) from ticket where status = 'AT_RISK'";
    private static final String SHIPMENTS_UNDERWAY = "select count(*) from shipment where status in "
            + "('DISPATCHED', 'IN_TRANSIT', 'IN_LOCKER', 'DELIVERED')";

    private long count(String service, String sql) throws Exception {
        try (var db = platform.openDatabase(service); var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Staffs and stocks the sites for the mix's arrivals, so that its on-site escalations are booked and its parcels
     * leave, as in a well-run pilot, rather than answered InterventionAtRisk and out of stock once the reference
     * data's three technicians and 206 headsets are used up. A technician holds about 90 visits within the planner's
     * horizon (the reference three hold about 280); a quarter more than needed keeps the last bookings from
     * searching full agendas.
     */
    private void provideForTheMix(double tickets) throws Exception {
        double onSitePerSite = tickets * MixedLoadSimulation.ON_SITE_SHARE / Target.SITES.length;
        int defaultPerSite = (int) Math.ceil(onSitePerSite * 1.25 / 90);
        addTechnicians(Integer.parseInt(System.getProperty("bench.mix.technicians-per-site",
                String.valueOf(defaultPerSite))));
        long headsets = (long) Math.ceil(tickets * MixedLoadSimulation.SHIPMENT_SHARE * 1.25) + 200;
        put("logistics-service", "/stock/CENTRAL/HEADSET", "{\"locationKind\":\"CENTRAL_WAREHOUSE\",\"available\":"
                + headsets + ",\"lowThreshold\":20}");
        line("(" + headsets + " headsets in the central warehouse, for the mix's shipments)");
    }

    /** Waits until every consumer group has read everything, so a scenario does not inherit another's backlog. */
    private void awaitNoLag(int maxSeconds) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            long start = System.nanoTime();
            Map<String, Long> lag = lag(admin);
            while (total(lag) > 0
                    && System.nanoTime() - start < Duration.ofSeconds(maxSeconds).toNanos()) {
                Thread.sleep(500);
                lag = lag(admin);
            }
            line(String.format(Locale.ROOT, "(waited %.0f s for the consumers to catch up before the scenario; lag "
                    + "now %s)", (System.nanoTime() - start) / 1e9, lag));
        }
    }

    /**
     * The consumers' catch-up after a load: the lag and the unpublished outbox rows read as soon as the load stops,
     * then every 50 ms (a small step beside the 1-s target) until every group has committed everything and no
     * service holds an event it has not published, so that a moment between two hops of a chain (dispatch has
     * applied an escalation, its appointment is not on dispatch.events yet) does not read as caught up.
     */
    record CatchUp(Map<String, Long> lagWhenStopped, Map<String, Long> unpublishedWhenStopped, double seconds,
            Map<String, Long> lagAtTheEnd, Map<String, Long> unpublishedAtTheEnd, Map<String, Double> lastBehind) {

        /** False when the wait gave up with records unread or events unpublished. */
        boolean everythingApplied() {
            return total(lagAtTheEnd) + total(unpublishedAtTheEnd) == 0;
        }
    }

    private CatchUp awaitCatchUp(Admin admin) throws Exception {
        long start = System.nanoTime();
        Map<String, Long> lag = lag(admin);
        Map<String, Long> unpublished = unpublishedEvents();
        Map<String, Long> lagWhenStopped = lag;
        Map<String, Long> unpublishedWhenStopped = unpublished;
        // Which group is last to catch up says which hop of a chain the remaining lag is in.
        Map<String, Double> lastBehind = new TreeMap<>();
        lag.forEach((group, records) -> lastBehind.put(group, 0.0));
        while (total(lag) + total(unpublished) > 0
                && System.nanoTime() - start < Duration.ofSeconds(300).toNanos()) {
            Thread.sleep(50);
            lag = lag(admin);
            unpublished = unpublishedEvents();
            double now = (System.nanoTime() - start) / 1e9;
            lag.forEach((group, records) -> {
                if (records > 0) {
                    lastBehind.put(group, now);
                }
            });
        }
        return new CatchUp(lagWhenStopped, unpublishedWhenStopped, (System.nanoTime() - start) / 1e9, lag,
                unpublished, lastBehind);
    }

    private Map<String, Long> unpublishedEvents() throws Exception {
        Map<String, Long> unpublished = new TreeMap<>();
        for (String service : Machine.SERVICES) {
            unpublished.put(service, count(service, "select count(*) from outbox_event where published_at is null"));
        }
        return unpublished;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The team and base of the technicians added at each of the load generator's sites ({@link Target#SITES}). */
    private static final String[][] REFERENCE_SITES = {{"STRASBOURG", "GRAND_EST", "48.5839", "7.7455"},
            {"NANCY", "GRAND_EST", "48.6921", "6.1844"}, {"DIJON", "BFC", "47.3220", "5.0415"}};

    /**
     * The reference data has three technicians, whose agendas hold about 280 visits over the planner's 15 business
     * days; a minute at 50 escalations per second needs ten times that, or dispatch answers InterventionAtRisk.
     */
    private void addTechnicians(int perSite) throws Exception {
        if (perSite <= 0) {
            return;
        }
        for (String[] site : REFERENCE_SITES) {
            for (int i = 1; i <= perSite; i++) {
                put("dispatch-service", "/technicians/T-BENCH-" + site[0] + "-" + i, "{\"name\":\"Benchmark "
                        + "technician " + i + "\",\"team\":\"" + site[1] + "\",\"baseLatitude\":" + site[2]
                        + ",\"baseLongitude\":" + site[3] + ",\"sites\":[\"" + site[0] + "\"],\"skills\":[]}");
            }
        }
        line("(" + perSite * REFERENCE_SITES.length + " benchmark technicians added, " + perSite + " per site, so "
                + "that the agendas hold the scenario's visits)");
    }

    /** An admin's PUT to a service; anything but 2xx stops the benchmark. */
    private void put(String service, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                platform.service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + platform.token("admin"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + path + " refused: " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static Map<String, Long> lag(Admin admin) throws Exception {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                if (e.getValue() != null && ends.get(e.getKey()) != null) {
                    sum += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
            lag.put(group.groupId(), sum);
        }
        return lag;
    }

    private String downstreamCounts() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("ticket-service", "select status, count(*) from ticket group by status order by 1");
        queries.put("dispatch-service", "select status, count(*) from intervention group by status order by 1");
        queries.put("logistics-service", "select status, count(*) from shipment group by status order by 1");
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            try (var db = platform.openDatabase(q.getKey()); var st = db.createStatement();
                    var rs = st.executeQuery(q.getValue())) {
                StringBuilder s = new StringBuilder(q.getKey() + " {");
                while (rs.next()) {
                    s.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
                }
                out.add(s.toString().trim() + "}");
            } catch (Exception e) {
                out.add(q.getKey() + ": " + e.getMessage());
            }
        }
        return String.join("; ", out);
    }

    // ---------------------------------------------------------------- start-up and memory options

    private void startupComparison() throws Exception {
        section("Start-up and memory at rest by SERVICE_JAVA_OPTS");
        String sets = System.getenv().getOrDefault("BENCH_STARTUP_OPTIONS",
                LauncherSettings.DEFAULT_SERVICE_JAVA_OPTS);
        for (String options : sets.split("\\|")) {
            String opts = options.trim();
            startPlatform(opts, false);
            Thread.sleep(10_000);
            memory("at rest, 10 s after the start");
            restartsOneAtATime();
            stopPlatform();
        }
    }

    /**
     * Each service stopped and started again while the rest of the platform runs, as a rolling restart does: its time
     * to ready without three other JVMs starting on the same two cores.
     */
    private void restartsOneAtATime() throws Exception {
        int rounds = Integer.parseInt(System.getProperty("bench.startup.restarts", "3"));
        StringBuilder row = new StringBuilder("- ready after a restart of one service while the others run ("
                + rounds + " restarts each): ");
        for (String service : Machine.SERVICES) {
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                platform.stopService(service);
                seconds.add(platform.startService(service).toMillis() / 1000.0);
                Thread.sleep(2_000);
            }
            row.append(service).append(' ').append(LatencyStats.spread(seconds, "%.1f s")).append("; ");
        }
        line(row.substring(0, row.length() - 2) + "; load average " + Machine.loadAverage());
    }

    // ---------------------------------------------------------------- profiles

    private Path startProfile(String service, int seconds) {
        Long pid = Machine.servicePids().get(service);
        if (pid == null) {
            return null;
        }
        Path file = work.resolve("profile-" + service + "-" + System.currentTimeMillis() + ".jfr");
        try {
            jcmd(pid, "JFR.start", "settings=profile", "duration=" + seconds + "s", "filename=" + file);
            return file;
        } catch (Exception e) {
            line("(no profile: " + e.getMessage() + ")");
            return null;
        }
    }

    /** This JDK's jcmd run against a service's JVM; its output. */
    private String jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        return Limits.runAndCapture(line, work, Map.of());
    }

    /** The hottest methods of an execution-sample recording: top frames, and our own code's frames anywhere. */
    private static long sizeOf(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : -1;
    }

    private void summariseProfile(Path jfr, String what) throws Exception {
        if (jfr == null) {
            return;
        }
        // The JVM creates the file when the recording ends and fills it afterwards: wait until its size holds still.
        long size = -1;
        for (int i = 0; i < 60 && (size <= 0 || size != sizeOf(jfr)); i++) {
            size = sizeOf(jfr);
            Thread.sleep(1000);
        }
        if (size <= 0) {
            line("(profile " + jfr + " not written)");
            return;
        }
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame first = frames.get(0);
            top.merge(first.getMethod().getType().getName() + "." + first.getMethod().getName(), 1, Integer::sum);
            Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = frame.getMethod().getType().getName();
                String area = area(name);
                if (seen.add(area)) {
                    packages.merge(area, 1, Integer::sum);
                }
            }
        }
        int total = samples;
        line("- profile (JFR execution samples) of " + what + ": " + total + " samples; share of samples whose "
                + "stack includes: " + packages.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()).limit(10).map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(),
                                100.0 * e.getValue() / total)).collect(Collectors.joining(", ")));
        line("  hottest top frames: " + top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue()
                .reversed()).limit(8).map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(),
                        100.0 * e.getValue() / total)).collect(Collectors.joining(", ")));
    }

    private static String area(String className) {
        String[][] areas = {{"org.fieldsupport.", "our code"}, {"org.hibernate.", "Hibernate"},
                {"org.postgresql.", "PostgreSQL JDBC"}, {"io.agroal.", "Agroal pool"},
                {"org.apache.kafka.", "Kafka client"}, {"io.smallrye.jwt", "JWT"}, {"org.jose4j", "JWT"},
                {"com.fasterxml.jackson", "Jackson"}, {"io.vertx.", "Vert.x"}, {"io.netty.", "Netty"},
                {"io.quarkus.resteasy", "REST"}, {"org.jboss.resteasy", "REST"}, {"io.micrometer", "Micrometer"},
                {"io.smallrye.reactive.messaging", "Reactive Messaging"}, {"org.flywaydb", "Flyway"},
                {"ai.timefold", "Timefold"}, {"java.util.zip", "zip"}, {"sun.security", "crypto"}};
        for (String[] a : areas) {
            if (className.startsWith(a[0])) {
                return a[1];
            }
        }
        return "other";
    }

    // ---------------------------------------------------------------- output

    private void section(String title) {
        line("");
        line("### " + title);
        line("");
    }

    private void line(String text) {
        System.out.println(text);
        results.append(text).append('\n');
    }

    private void write() throws IOException {
        Files.createDirectories(work);
        Path out = work.resolve("results-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(out, results);
        System.out.println("\nResults written to " + out);
    }

    /** CPU used by each service and by the whole machine between its creation and {@link #summary()}. */
    private final class CpuWindow {
        private final Map<String, Long> pids = Machine.servicePids();
        private final Map<String, Double> before = new HashMap<>();
        private final long[] machine = Machine.machineJiffies();
        private final double self = Machine.cpuSeconds(ProcessHandle.current().pid());
        private final Optional<Long> postgres = Machine.postmaster(platform.settings().stateDir().resolve("postgres"));
        private final double postgresBefore = postgres.map(Machine::treeCpuSeconds).orElse(Double.NaN);
        private final Map<String, GcPauses> pausesBefore = new LinkedHashMap<>();
        private final long started = System.nanoTime();

        CpuWindow() {
            pids.forEach((name, pid) -> before.put(name, Machine.cpuSeconds(pid)));
            pids.keySet().forEach(name -> gcPauses(name).ifPresent(p -> pausesBefore.put(name, p)));
        }

        String summary() {
            double wall = (System.nanoTime() - started) / 1e9;
            long[] now = Machine.machineJiffies();
            double busy = now[1] == machine[1] ? Double.NaN
                    : 100.0 * (now[0] - machine[0]) / (now[1] - machine[1]);
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "CPU: machine %.0f%% busy of %d cores", busy, Runtime.getRuntime().availableProcessors()));
            pids.forEach((name, pid) -> s.append(String.format(Locale.ROOT, ", %s %.0f%%", name.replace("-service",
                    ""), 100.0 * (Machine.cpuSeconds(pid) - before.get(name)) / wall)));
            postgres.ifPresent(pid -> s.append(String.format(Locale.ROOT, ", PostgreSQL %.0f%%",
                    100.0 * (Machine.treeCpuSeconds(pid) - postgresBefore) / wall)));
            s.append(String.format(Locale.ROOT, ", broker+Gatling JVM %.0f%% (of one core)",
                    100.0 * (Machine.cpuSeconds(ProcessHandle.current().pid()) - self) / wall));
            pausesBefore.forEach((name, before) -> gcPauses(name).ifPresent(after -> s.append("; ")
                    .append(name.replace("-service", "")).append(" GC ").append(after.since(before).describe(wall))));
            return s.toString();
        }
    }

    private Optional<GcPauses> gcPauses(String service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.service(service).baseUrl() + "/q/metrics")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(GcPauses.parse(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Copies what the platform prints to the console into a buffer too. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
