package org.fieldsupport.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), started in the
 * calling JVM from the Maven Central artifacts. Its data directory may be kept between runs: the storage is
 * formatted only once and the cluster id is kept next to it.
 * <p>
 * With a super user ({@link #secured}), clients authenticate with SASL/SCRAM-SHA-512 and the standard authorizer
 * refuses whatever no ACL allows; the super user's credential is written into the storage when it is formatted, as
 * KRaft requires for the broker's own connections. The controller listener stays plaintext on the loopback address:
 * its principal (ANONYMOUS) is a super user, which is what the broker's link to its own controller needs.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final KafkaAccess superUser;
    private KafkaRaftServer server;

    public KafkaBroker(Path dataDir, String host, int port, int controllerPort) {
        this(dataDir, host, port, controllerPort, KafkaAccess.PLAINTEXT);
    }

    private KafkaBroker(Path dataDir, String host, int port, int controllerPort, KafkaAccess superUser) {
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.superUser = superUser;
    }

    /** A broker where every client authenticates (SCRAM) and ACLs decide; {@code superUser} administers it. */
    public static KafkaBroker secured(Path dataDir, String host, int port, int controllerPort,
            KafkaAccess superUser) {
        if (!superUser.authenticated()) {
            throw new IllegalArgumentException("A secured broker needs a super user");
        }
        return new KafkaBroker(dataDir, host, port, controllerPort, superUser);
    }

    /** The super user's access (plaintext for an open broker). */
    public KafkaAccess adminAccess() {
        return superUser;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path logDirs = dataDir.resolve("data");
            Path propertiesFile = dataDir.resolve("server.properties");
            Properties properties = serverProperties(logDirs);
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                properties.store(out, "Single-node KRaft broker of the local platform");
            }
            List<String> format = new ArrayList<>(List.of("format", "-t", clusterId(), "-c",
                    propertiesFile.toString(), "--ignore-formatted"));
            if (superUser.authenticated()) {
                format.addAll(List.of("--add-scram", KafkaAccess.MECHANISM + "=[name=" + superUser.user()
                        + ",password=" + superUser.password() + "]"));
            }
            StorageTool.execute(format.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()));
            KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            raftServer.startup();
            server = raftServer;
            awaitReady(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the Kafka data directory " + dataDir, e);
        }
    }

    /** Shuts the broker down cleanly (it flushes its logs), as on SIGTERM. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    public Admin admin() {
        Properties properties = new Properties();
        properties.putAll(superUser.clientProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(properties);
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot create the topics " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Creates or updates a SCRAM user and gives it exactly the ACLs of a platform service: write its own topic and
     * its dead-letter topics, read the topics it consumes and its consumer group (see {@link Topology#aclsFor}).
     */
    public KafkaAccess grantService(String service, String password) {
        KafkaAccess access = new KafkaAccess(service, password);
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(service,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all().get(30, TimeUnit.SECONDS);
            admin.createAcls(Topology.aclsFor(service)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot create the Kafka user and ACLs of " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka user of " + service, e);
        }
        return access;
    }

    /** Waits until the broker (in this JVM or another) answers its clients. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Kafka broker did not become ready within " + timeout, last);
    }

    private Properties serverProperties(Path logDirs) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        String clients = superUser.authenticated() ? "SASL_PLAINTEXT" : "PLAINTEXT";
        p.put("listeners", clients + "://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", clients + "://" + host + ":" + port);
        p.put("listener.security.protocol.map", clients + ":" + clients + ",CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", clients);
        if (superUser.authenticated()) {
            p.put("sasl.enabled.mechanisms", KafkaAccess.MECHANISM);
            p.put("sasl.mechanism.inter.broker.protocol", KafkaAccess.MECHANISM);
            p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    superUser.clientProperties().get("sasl.jaas.config"));
            p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.put("super.users", "User:" + superUser.user() + ";User:ANONYMOUS");
            p.put("allow.everyone.if.no.acl.found", "false");
        }
        p.put("log.dirs", logDirs.toString());
        p.put("num.partitions", String.valueOf(Topology.DEFAULT_PARTITIONS));
        // Topics are declared by the platform (Topology); a typo in a topic name must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private String clusterId() throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }
}
