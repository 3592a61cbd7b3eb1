package org.fieldsupport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A service's class-data archive (AppCDS), written by the service's own JVM: a start without an up-to-date archive
 * runs with {@code -XX:ArchiveClassesAtExit}, and when it exits cleanly the archive it wrote replaces the old one;
 * the next starts map it ({@code -XX:SharedArchiveFile}) instead of loading and verifying every class again.
 *
 * <p>Why not the archive Quarkus writes at build time ({@code quarkus.package.jar.appcds}): its build-time run stops
 * once the beans exist, before the runtime start of Hibernate, Flyway, the Kafka clients and the HTTP server; with it,
 * 6,300 of the 16,700 classes ticket-service loads until ready came from archives (the JDK's included). A run of the
 * service itself archives them all, and the requests it served too. Measured (BENCHMARKS.md, session 12): a service
 * restarted alone is ready in 3.8-3.9 s (medians) instead of 4.2-4.8 s; under the mixed load no difference between
 * the two archives showed beyond the machine's spread.
 *
 * <p>The services are packaged with every jar on the JVM's class path ({@code quarkus.package.jar.type=aot-jar}), so
 * their classes are the application class loader's: the JVM serves them from the archive without reading their jars,
 * and the dump links and archives every class the run loaded. Behind Quarkus' own class loader (the fast-jar) each
 * class was still read from its jar and checked against the archive, and the 3,000 classes loaded but never linked
 * were left out of it: a service restarted alone was ready after 3.9-4.2 s (medians, session 13), 2.6-3.8 s with the
 * whole class path archived (medians of four runs, session 14, BENCHMARKS.md).
 *
 * <p>The JDK maps the archive at a random address and rewrites its pointers there (JDK 17.0.15's default
 * {@code ArchiveRelocationMode=1}), so its 110-130 MB are the service's private memory, all resident. Mapped at its
 * base address instead ({@code -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0}) half of it stays clean
 * page cache, but RSS is the same, since a service loads nearly every archived class as it starts, and class metadata
 * loses its random placement; so the JDK's default stays (BENCHMARKS.md, session 18).
 *
 * <p>Writing the archive takes a while once the service has stopped (about 11 s for ticket-service alone, several
 * times that for four services at once on two cores), so a training JVM is given {@link #DUMP_ALLOWANCE} more to
 * exit before it is killed and its archive lost.
 *
 * <p>The archive lives beside the service's jar and belongs to that build: it is used only when it is newer than
 * every file of the build's output. The JVM checks it again (class path, JDK, each class's bytes) and falls back to
 * loading classes when anything differs, so a stale archive costs time, never correctness.
 */
public final class ClassDataArchive {

    static final String FILE_NAME = "trained-cds.jsa";
    static final Duration DUMP_ALLOWANCE = Duration.ofSeconds(90);
    private static final AtomicLong TRAININGS = new AtomicLong();

    private final Path archive;
    private final Path written;

    private ClassDataArchive(Path archive, Path written) {
        this.archive = archive;
        this.written = written;
    }

    /** No archive: the service's own options choose how it shares class data. */
    static ClassDataArchive none() {
        return new ClassDataArchive(null, null);
    }

    /** For a start of the build in {@code buildOutput}: maps its archive when up to date, trains one otherwise. */
    static ClassDataArchive forStart(Path buildOutput) {
        Path archive = buildOutput.resolve(FILE_NAME);
        if (isUpToDate(archive, buildOutput)) {
            return new ClassDataArchive(archive, null);
        }
        // A name of its own, so that two platforms training the same build at once never write one file together.
        Path written = buildOutput.resolve(FILE_NAME + "." + ProcessHandle.current().pid() + "-"
                + TRAININGS.incrementAndGet() + ".part");
        return new ClassDataArchive(archive, written);
    }

    private static boolean isUpToDate(Path archive, Path buildOutput) {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(buildOutput)) {
            FileTime archived = Files.getLastModifiedTime(archive);
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith(FILE_NAME))
                    .noneMatch(file -> lastModified(file).compareTo(archived) > 0);
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start maps an archive of this build. */
    public boolean mapped() {
        return archive != null && written == null;
    }

    /** The start writes the build's archive when it exits. */
    public boolean training() {
        return written != null;
    }

    /** For the launcher's console: how this start shares class data. */
    String describe() {
        if (mapped()) {
            return ", class-data archive mapped";
        }
        return training() ? ", writing its class-data archive at exit" : "";
    }

    /** How long a stop waits for the JVM to exit by itself: a training JVM writes its archive first. */
    Duration stopGrace(Duration serviceGrace) {
        return training() ? serviceGrace.plus(DUMP_ALLOWANCE) : serviceGrace;
    }

    List<String> jvmOptions() {
        if (mapped()) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (training()) {
            // The dump warns once for each class it cannot archive (thousands: generated accessors, classes
            // never linked); only errors reach the service's log.
            return List.of("-XX:ArchiveClassesAtExit=" + written, "-Xlog:cds=error");
        }
        return List.of();
    }

    /**
     * After the service's JVM has exited: a training run that ended normally (by itself, or on SIGTERM) wrote a whole
     * archive, which now becomes the build's; one killed or crashed may have left part of one, which goes.
     */
    void afterExit(boolean exitedWhole) {
        if (!training()) {
            return;
        }
        try {
            if (exitedWhole && Files.isRegularFile(written)) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the class-data archive " + written, e);
        }
    }
}
