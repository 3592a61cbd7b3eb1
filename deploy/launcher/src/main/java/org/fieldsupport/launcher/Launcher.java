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
            System.err.println();
            System.err.println("The platform did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(platform.summary());
        stopped.await();
    }
}
