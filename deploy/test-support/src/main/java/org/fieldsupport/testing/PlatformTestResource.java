package org.fieldsupport.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fieldsupport.infra.EmbeddedPostgres;
import org.fieldsupport.infra.FreePorts;
import org.fieldsupport.infra.JwtKeys;
import org.fieldsupport.infra.KafkaBroker;
import org.fieldsupport.infra.Topology;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts, once per test JVM, a real Kafka broker and a real PostgreSQL server on free ports, creates the platform's
 * topics and the service's database, and points the application at them (Dev Services stay off). Register it with
 * {@code @WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)} and the init
 * argument {@code service} (the database and role name).
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "service";
    private Path workDir;
    private EmbeddedPostgres postgres;
    private KafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("field-support-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        postgres = EmbeddedPostgres.start(workDir.resolve("postgres"), 0);
        String password = "test-" + service;
        postgres.ensureDatabase(service, service, password);

        List<Integer> brokerPorts = FreePorts.pick(2);
        broker = new KafkaBroker(workDir.resolve("kafka"), "127.0.0.1", brokerPorts.get(0), brokerPorts.get(1));
        broker.start();
        broker.createTopics(Topology.allTopics(), 3);

        JwtKeys keys = JwtKeys.loadOrCreate(workDir.resolve("keys"));
        TestInfrastructure.register(broker, workDir.resolve("keys"), postgres.jdbcUrl(service), service, password);

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service));
        config.put("quarkus.datasource.username", service);
        config.put("quarkus.datasource.password", password);
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyFile().toString());
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteQuietly(workDir);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
