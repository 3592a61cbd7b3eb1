package org.fieldsupport.fault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.fieldsupport.infra.Topology;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * What the platform still has to do: events in the four outboxes not yet acknowledged by the broker, plus the
 * records on the event topics that a consumer group has not committed yet. -1 when it cannot be measured (the
 * broker or the database is away). Committed offsets move every few seconds (the connector's commit interval), so
 * this is a measure to the nearest few seconds.
 */
final class Backlog implements AutoCloseable {

    static final List<String> SERVICES = List.of("ticket-service", "dispatch-service", "logistics-service",
            "survey-service");

    private final LocalPlatform platform;
    private final Map<String, Connection> connections = new HashMap<>();
    private Admin admin;

    Backlog(LocalPlatform platform) {
        this.platform = platform;
    }

    /** Outbox rows not yet published plus uncommitted records, or -1 when either is unknown. */
    synchronized long measure() {
        long outbox = outbox();
        long lag = outbox < 0 ? -1 : lag();
        return outbox < 0 || lag < 0 ? -1 : outbox + lag;
    }

    synchronized long outbox() {
        long total = 0;
        for (String service : SERVICES) {
            try {
                Connection connection = connections.get(service);
                if (connection == null || connection.isClosed()) {
                    connection = platform.openDatabase(service);
                    connection.setNetworkTimeout(Runnable::run, 3000);
                    connections.put(service, connection);
                }
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery(
                                "select count(*) from outbox_event where published_at is null")) {
                    rs.next();
                    total += rs.getLong(1);
                }
            } catch (Exception e) {
                closeQuietly(connections.remove(service));
                return -1;
            }
        }
        return total;
    }

    synchronized long lag() {
        try {
            if (admin == null) {
                Properties properties = new Properties();
                properties.putAll(platform.kafkaAdminAccess().clientProperties());
                properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
                properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
                admin = Admin.create(properties);
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<String, List<String>> consumed = new HashMap<>();
            for (String topic : List.of(Topology.TICKET_EVENTS, Topology.DISPATCH_EVENTS, Topology.LOGISTICS_EVENTS,
                    Topology.SURVEY_EVENTS)) {
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(4, TimeUnit.SECONDS)
                        .get(topic).partitions().size();
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                for (String consumer : Topology.CONSUMERS.getOrDefault(topic, List.of())) {
                    consumed.computeIfAbsent(consumer, c -> new ArrayList<>()).add(topic);
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(4, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<String, List<String>> group : consumed.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(4, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                    if (!group.getValue().contains(end.getKey().topic())) {
                        continue;
                    }
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
                }
            }
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        connections.values().forEach(Backlog::closeQuietly);
        connections.clear();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Exception e) {
            // Already gone.
        }
    }
}
