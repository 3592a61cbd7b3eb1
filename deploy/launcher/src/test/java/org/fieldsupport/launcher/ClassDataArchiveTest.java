package org.fieldsupport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path build;

    @TempDir
    Path logs;

    private final Instant built = Instant.now().minusSeconds(3600);

    @BeforeEach
    void aBuild() throws IOException {
        touch(build.resolve("quarkus-run.jar"), built);
        touch(build.resolve("lib/main/chassis.jar"), built);
    }

    @Test
    void aBuildWithoutArchiveTrainsOneBesideItsJar() {
        ClassDataArchive start = ClassDataArchive.forStart(build);

        assertThat(start.training()).isTrue();
        assertThat(start.mapped()).isFalse();
        assertThat(start.jvmOptions()).anySatisfy(option -> assertThat(option)
                .startsWith("-XX:ArchiveClassesAtExit=" + build.resolve(ClassDataArchive.FILE_NAME) + ".")
                .endsWith(".part"));
    }

    @Test
    void aTrainingJvmIsGivenTimeToWriteItsArchiveBeforeItIsKilled() throws IOException {
        Duration serviceGrace = Duration.ofSeconds(30);
        ClassDataArchive training = ClassDataArchive.forStart(build);
        Files.writeString(writtenBy(training), "archive");
        training.afterExit(true);
        ClassDataArchive mapping = ClassDataArchive.forStart(build);

        assertThat(training.stopGrace(serviceGrace)).isEqualTo(serviceGrace.plus(ClassDataArchive.DUMP_ALLOWANCE));
        assertThat(mapping.stopGrace(serviceGrace)).isEqualTo(serviceGrace);
        assertThat(ClassDataArchive.none().stopGrace(serviceGrace)).isEqualTo(serviceGrace);
    }

    @Test
    void whatANormalExitWroteIsMappedByTheNextStart() throws IOException {
        ClassDataArchive training = ClassDataArchive.forStart(build);
        Path written = writtenBy(training);
        Files.writeString(written, "archive");

        training.afterExit(true);

        assertThat(written).doesNotExist();
        ClassDataArchive next = ClassDataArchive.forStart(build);
        assertThat(next.mapped()).isTrue();
        assertThat(next.jvmOptions())
                .containsExactly("-XX:SharedArchiveFile=" + build.resolve(ClassDataArchive.FILE_NAME));
    }

    @Test
    void whatAKilledRunLeftIsThrownAwayAndTheArchiveBeforeItKept() throws IOException {
        Path archive = build.resolve(ClassDataArchive.FILE_NAME);
        touch(archive, built.plusSeconds(60));
        touch(build.resolve("lib/main/chassis.jar"), built.plusSeconds(120));
        ClassDataArchive training = ClassDataArchive.forStart(build);
        Path written = writtenBy(training);
        Files.writeString(written, "half an archive");

        training.afterExit(false);

        assertThat(written).doesNotExist();
        assertThat(archive).hasContent("x");
    }

    @Test
    void anArchiveOlderThanAnyFileOfTheBuildIsWrittenAgain() throws IOException {
        touch(build.resolve(ClassDataArchive.FILE_NAME), built.plusSeconds(60));
        assertThat(ClassDataArchive.forStart(build).mapped()).isTrue();

        touch(build.resolve("lib/main/chassis.jar"), built.plusSeconds(120));

        assertThat(ClassDataArchive.forStart(build).training()).isTrue();
    }

    @Test
    void twoTrainingStartsWriteTwoFiles() {
        assertThat(writtenBy(ClassDataArchive.forStart(build)))
                .isNotEqualTo(writtenBy(ClassDataArchive.forStart(build)));
    }

    /** The JDK itself: a JVM trained with the options writes an archive that the next JVM must be able to map. */
    @Test
    void aJvmMapsTheArchiveItsTrainingRunWrote() throws Exception {
        ClassDataArchive training = ClassDataArchive.forStart(build);
        assertThat(runJava(training.jvmOptions())).as(this::javaLog).isZero();
        training.afterExit(true);

        ClassDataArchive next = ClassDataArchive.forStart(build);
        assertThat(next.mapped()).isTrue();
        List<String> options = new ArrayList<>(next.jvmOptions());
        options.add("-Xshare:on");
        assertThat(runJava(options)).as(() -> "-Xshare:on exits with an error when the archive cannot be mapped: "
                + javaLog()).isZero();
    }

    private int runJava(List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", jarOfExitsAtOnce().toString(), ExitsAtOnce.class.getName()));
        Process java = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("java.log").toFile()).start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return java.exitValue();
    }

    /** Class-data sharing takes jars only on the class path, not a folder such as target/test-classes. */
    private Path jarOfExitsAtOnce() throws IOException {
        Path jar = logs.resolve("exits-at-once.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        String entry = ExitsAtOnce.class.getName().replace('.', '/') + ".class";
        try (InputStream bytes = ExitsAtOnce.class.getClassLoader().getResourceAsStream(entry);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private String javaLog() {
        try {
            return Files.readString(logs.resolve("java.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path writtenBy(ClassDataArchive training) {
        String option = training.jvmOptions().get(0);
        return Path.of(option.substring(option.indexOf('=') + 1));
    }

    private static void touch(Path file, Instant at) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(at));
    }

    public static final class ExitsAtOnce {
        public static void main(String[] args) {
            System.out.println(List.of(args));
        }
    }
}
