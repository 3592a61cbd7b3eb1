package org.fieldsupport.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./deploy/run}: starts the {@link LocalPlatform} in the foreground and keeps it up until Ctrl-C or SIGTERM,
 * which stop everything it started.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        LauncherSettings settings = LauncherSettings.from(System.getenv(), root);
        Files.createDirectories(settings.logs());
        // The broker and the embedded database log through SLF4J: into a file, warnings and up.
        System.setProperty("org.slf4j.simpleLogger.logFile",
                settings.logs().resolve("kafka-and-postgres.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");

        LocalPlatform platform = new LocalPlatform(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            stopped.countDown();
        }, "platform-shutdown"));
        try {
            platform.start();
        } catch (LocalPlatform.StartupFailure e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail(e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
        }
        System.out.println(platform.summary());
        stopped.await();
    }

    /** Says why, then exits; the shutdown hook stops whatever had already started. */
    private static void fail(String reason) {
        System.err.println();
        System.err.println("The platform did not start: " + reason);
        System.exit(1);
    }
}
