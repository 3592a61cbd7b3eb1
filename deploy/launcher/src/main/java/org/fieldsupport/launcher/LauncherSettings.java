package org.fieldsupport.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fieldsupport.infra.FreePorts;

/**
 * What the launcher reads from the environment; every value has a default that suits one developer's machine.
 *
 * <ul>
 * <li>{@code PLATFORM_STATE_DIR}: where databases, broker data, logs, keys and tokens live (default
 * {@code .local/} at the repository root);</li>
 * <li>{@code KAFKA_PORT} (9092), {@code KAFKA_CONTROLLER_PORT} (9093), {@code KAFKA_PARTITIONS} (6);</li>
 * <li>{@code PG_HOST}, {@code PG_PORT}, {@code PG_ADMIN_USER}, {@code PG_ADMIN_PASSWORD}: an existing PostgreSQL
 * server to use instead of the embedded one (which listens on {@code PG_PORT}, default 15432);</li>
 * <li>{@code SERVICE_JAVA_OPTS}: JVM options of the four services; {@code TICKET_SERVICE_JAVA_OPTS},
 * {@code DISPATCH_SERVICE_JAVA_OPTS}, {@code LOGISTICS_SERVICE_JAVA_OPTS}, {@code SURVEY_SERVICE_JAVA_OPTS}: options
 * for one service, after those (so that, of two values of one option, the service's own wins);</li>
 * <li>{@code KAFKA_AUTH}: {@code none} (default: plaintext, anyone on the machine may read and write) or
 * {@code scram} (every client authenticates with SASL/SCRAM-SHA-512, each service may write only its own topic
 * and read only what it consumes; the operator's credentials are in {@code .local/secrets/kafka-admin.properties});</li>
 * <li>{@code KAFKA_PROCESS}: {@code launcher} (default: the broker runs inside the launcher's JVM) or {@code child}
 * (the broker runs in a JVM of its own, a child of the launcher, that can be killed and restarted alone, as the
 * fault suite does);</li>
 * <li>{@code TICKET_SERVICE_PORT} (8081), {@code DISPATCH_SERVICE_PORT} (8082), {@code LOGISTICS_SERVICE_PORT}
 * (8083), {@code SURVEY_SERVICE_PORT} (8084);</li>
 * <li>{@code SERVICE_CPU_SHARING}: {@code per-service} (default: each service runs in a session of its own, so that
 * where Linux groups a session's threads for the scheduler, its autogroups, the cores are shared between services as
 * containers' cgroups share them in production) or {@code per-thread} (the services stay in the launcher's session,
 * and a busy service with many threads takes the cores from a service that works on one).</li>
 * </ul>
 */
public record LauncherSettings(Path root, Path stateDir, int kafkaPort, int kafkaControllerPort, int partitions,
        String pgHost, int pgPort, String pgAdminUser, String pgAdminPassword, String serviceJavaOpts,
        boolean kafkaScram, boolean kafkaInChildProcess, boolean cpuSharedPerService, List<ServiceSpec> services) {

    /**
     * Measured by the benchmark (deploy/benchmarks/BENCHMARKS.md, runs 11 and 12): under load the heap is committed up
     * to -Xmx on top of about 190 MB of classes, compiled code and symbols. 128 MB held the mixed load (RSS 284-311 MB)
     * but a backlog of ticket creations then filled it and the service spent its time in full collections; 256 MB
     * rides the backlog out. C1 alone starts faster and costs less memory than C2. A young generation of 16 MB with
     * tighter free ratios (-Xmn16m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40) left 8-40 MB less after the mixed
     * load but twice the collection pauses and a higher p99 (session 13), so it is not a default; nor are the tighter
     * free ratios with {@code -XX:NewRatio=3} (session 18: 6-24 MB less, but ticket-service made 24 full collections in
     * the 10-minute mix and stayed over 256 MB, and the requests' median was six times as long). C1 compiles a method
     * after three times the JDK's invocation counts (-XX:CompileThresholdScaling=3): code warm only during the start
     * stays interpreted, and the compiled code after a mix is 3-5 MB smaller per service (17-26 MB instead of 20-29,
     * session 18), with no cost in CPU or latency that the mix showed.
     */
    public static final String DEFAULT_SERVICE_JAVA_OPTS = "-XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1"
            + " -XX:CompileThresholdScaling=3";
    /**
     * For suites that count what their requests caused: the jobs that write on their own clock are off, and survey
     * invitations go out as soon as their intervention or delivery is known, not two hours later.
     */
    public static final String SUITE_SERVICE_JAVA_OPTS = DEFAULT_SERVICE_JAVA_OPTS
            + " -Dticket.auto-close.every=off -Ddispatch.room-checks.every=off"
            + " -Dsurvey.invitation.delay=PT0S -Dsurvey.scheduler.every=2s";

    /**
     * The environment of a platform of its own, beside {@code ./deploy/run} and any other: its state in
     * {@code stateDir}, wiped first, and every port (broker, controller, PostgreSQL, the four services) free on this
     * machine. A caller adds its own settings ({@code KAFKA_AUTH}, {@code SERVICE_JAVA_OPTS}…) before {@link #from}.
     */
    public static Map<String, String> isolatedEnvironment(Path stateDir) throws IOException {
        deleteRecursively(stateDir);
        Map<String, String> env = new HashMap<>();
        env.put("PLATFORM_STATE_DIR", stateDir.toString());
        List<String> variables = new ArrayList<>(List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "PG_PORT"));
        ServiceSpec.DEFAULTS.forEach(spec -> variables.add(spec.portVariable()));
        List<Integer> ports = FreePorts.pick(variables.size());
        for (int i = 0; i < variables.size(); i++) {
            env.put(variables.get(i), String.valueOf(ports.get(i)));
        }
        return env;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public static LauncherSettings from(Map<String, String> env, Path root) {
        return new LauncherSettings(root,
                Path.of(env.getOrDefault("PLATFORM_STATE_DIR", root.resolve(".local").toString())).toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092")),
                Integer.parseInt(env.getOrDefault("KAFKA_CONTROLLER_PORT", "9093")),
                Integer.parseInt(env.getOrDefault("KAFKA_PARTITIONS", "6")),
                env.get("PG_HOST"),
                Integer.parseInt(env.getOrDefault("PG_PORT", env.get("PG_HOST") == null ? "15432" : "5432")),
                env.getOrDefault("PG_ADMIN_USER", "postgres"),
                env.getOrDefault("PG_ADMIN_PASSWORD", ""),
                env.getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS),
                kafkaScram(env.getOrDefault("KAFKA_AUTH", "none")),
                kafkaInChildProcess(env.getOrDefault("KAFKA_PROCESS", "launcher")),
                cpuSharedPerService(env.getOrDefault("SERVICE_CPU_SHARING", "per-service")),
                ServiceSpec.DEFAULTS.stream()
                        .map(spec -> new ServiceSpec(spec.name(),
                                Integer.parseInt(env.getOrDefault(spec.portVariable(), String.valueOf(spec.port()))),
                                env.getOrDefault(spec.javaOptsVariable(), "")))
                        .toList());
    }

    private static boolean kafkaScram(String auth) {
        return switch (auth) {
            case "none" -> false;
            case "scram" -> true;
            default -> throw new IllegalArgumentException("KAFKA_AUTH must be none or scram, not " + auth);
        };
    }

    private static boolean kafkaInChildProcess(String process) {
        return switch (process) {
            case "launcher" -> false;
            case "child" -> true;
            default -> throw new IllegalArgumentException("KAFKA_PROCESS must be launcher or child, not " + process);
        };
    }

    private static boolean cpuSharedPerService(String sharing) {
        return switch (sharing) {
            case "per-service" -> true;
            case "per-thread" -> false;
            default -> throw new IllegalArgumentException(
                    "SERVICE_CPU_SHARING must be per-service or per-thread, not " + sharing);
        };
    }

    boolean embeddedPostgres() {
        return pgHost == null || pgHost.isBlank();
    }

    public Path logs() {
        return stateDir.resolve("logs");
    }

    /**
     * How a start of the service shares class data: the archive its own runs write beside its jar (see
     * {@link ClassDataArchive}), unless its options already choose class-data sharing themselves.
     */
    public ClassDataArchive classDataArchive(ServiceSpec spec) {
        String options = javaOpts(spec);
        if (options.contains("SharedArchiveFile") || options.contains("ArchiveClassesAtExit")
                || options.contains("-Xshare")) {
            return ClassDataArchive.none();
        }
        return ClassDataArchive.forStart(spec.runnableJar(root).getParent());
    }

    /** A service's JVM options: everyone's, then its own. */
    public String javaOpts(ServiceSpec spec) {
        return (serviceJavaOpts + " " + spec.extraJavaOpts()).trim();
    }

    public Path tokens() {
        return stateDir.resolve("tokens");
    }

    Path keys() {
        return stateDir.resolve("keys");
    }

    Path secrets() {
        return stateDir.resolve("secrets");
    }
}
