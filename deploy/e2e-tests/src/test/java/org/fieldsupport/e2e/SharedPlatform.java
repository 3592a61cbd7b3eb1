package org.fieldsupport.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.fieldsupport.launcher.LauncherSettings;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * The platform the end-to-end suites drive, started once per test JVM as {@code ./deploy/run} starts it (packaged
 * services, embedded PostgreSQL, a KRaft broker in SCRAM mode) on free ports and in a state directory of its own,
 * and stopped when the last suite is done. A suite registers it with {@code @ExtendWith(SharedPlatform.class)}.
 */
public final class SharedPlatform implements BeforeAllCallback {

    /** The platform of this JVM; JUnit closes it with the root store, after the last suite. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final LauncherSettings settings;
        LocalPlatform platform;

        Running(LauncherSettings settings) {
            this.settings = settings;
        }

        @Override
        public void close() {
            platform.stop();
        }
    }

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedPlatform.class) {
            if (running == null) {
                Running started = new Running(settings());
                started.platform = new LocalPlatform(started.settings);
                started.platform.start();
                running = started;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedPlatform.class.getName(),
                        started);
            }
        }
    }

    /** The running platform. */
    public static synchronized LocalPlatform platform() {
        if (running == null) {
            throw new IllegalStateException("Register the suite with @ExtendWith(SharedPlatform.class)");
        }
        return running.platform;
    }

    /** The bearer token the platform wrote for {@code role} ({@code .local/tokens/<role>.jwt}). */
    public static String token(String role) {
        try {
            return platform().token(role);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The address of {@code path} on {@code service} of the running platform. */
    public static String url(String service, String path) {
        return platform().service(service).baseUrl() + path;
    }

    /** Stops the whole platform and starts it again on the same state, as an operator's restart would. */
    public static synchronized LocalPlatform restart() throws Exception {
        running.platform.stop();
        running.platform = new LocalPlatform(running.settings);
        running.platform.start();
        return running.platform;
    }

    private static LauncherSettings settings() throws IOException {
        Path root = Path.of(System.getProperty("platform.root")).toAbsolutePath();
        Map<String, String> env = LauncherSettings.isolatedEnvironment(
                root.resolve("deploy/e2e-tests/target/platform-state"));
        env.put("KAFKA_PARTITIONS", "3");
        // The broker as production runs it: every client authenticates and ACLs decide (DESIGN §5).
        env.put("KAFKA_AUTH", "scram");
        env.put("SERVICE_JAVA_OPTS", LauncherSettings.SUITE_SERVICE_JAVA_OPTS);
        return LauncherSettings.from(env, root);
    }
}
