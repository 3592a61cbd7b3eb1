package org.fieldsupport.launcher;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A service running as a child process, its output appended to its log file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * The command prefix that starts a program in a new session: util-linux's {@code setsid}, which does not fork
     * (a child of the JVM is no process group leader), so the process keeps its pid. Linux makes each session an
     * autogroup that the scheduler shares the cores between (BENCHMARKS.md, runs 109-117: dispatch's one consumer
     * thread was left a fifth of a core while ticket-service's dozens of request threads, all in one session, took the
     * rest). Empty where there is no {@code setsid} (macOS): the services then share the launcher's session.
     */
    static final List<String> SESSION_OF_ITS_OWN = Stream.of(System.getenv().getOrDefault("PATH", "")
            .split(File.pathSeparator))
            .filter(folder -> !folder.isBlank())
            .map(folder -> Path.of(folder, "setsid"))
            .filter(Files::isExecutable)
            .map(Path::toString)
            .findFirst().map(List::of).orElse(List.of());

    /** A JVM's exit status when it ended normally: by itself, or on SIGTERM or SIGINT (128 + the signal). */
    private static final Set<Integer> NORMAL_EXITS = Set.of(0, 143, 130);

    final ServiceSpec spec;
    private final Process process;
    private final Path log;
    private final ClassDataArchive classData;
    private final long startedAt = System.nanoTime();

    private ServiceProcess(ServiceSpec spec, Process process, Path log, ClassDataArchive classData) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.classData = classData;
    }

    static ServiceProcess start(ServiceSpec spec, LauncherSettings settings, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (settings.cpuSharedPerService()) {
            command.addAll(SESSION_OF_ITS_OWN);
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(settings.javaOpts(spec).split("\\s+")));
        ClassDataArchive classData = settings.classDataArchive(spec);
        command.addAll(classData.jvmOptions());
        // Started from the jar's folder as "-jar quarkus-run.jar": the class-data archive records the class path as
        // the build ran it, relative, and the JVM ignores the archive when the class path differs.
        Path jar = spec.runnableJar(settings.root());
        command.add("-jar");
        command.add(jar.getFileName().toString());
        Path log = settings.logs().resolve(spec.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(spec, builder.start(), log, classData);
    }

    /** Waits until the readiness check answers UP; false if the process died or the time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            // Polled often: the time to ready is announced and measured (BENCHMARKS.md), and is about 3 s.
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Why it is not ready, from the last lines of its log. */
    String tailOfLog(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: the JVM dies at once, in the middle of whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        classData.afterExit(false);
    }

    /**
     * SIGTERM, so the service finishes its requests and relays; SIGKILL only if it hangs. True when it exited by
     * itself within the grace period.
     */
    boolean stop(Duration grace) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(classData.stopGrace(grace).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                classData.afterExit(false);
                return false;
            }
        }
        classData.afterExit(NORMAL_EXITS.contains(process.exitValue()));
        return true;
    }

    ClassDataArchive classData() {
        return classData;
    }
}
