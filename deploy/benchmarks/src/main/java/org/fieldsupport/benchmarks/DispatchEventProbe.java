package org.fieldsupport.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of our own on {@code ticket.events} and {@code dispatch.events}, from the end of both topics, that notes
 * when each ticket's {@code TicketEscalated} and {@code InterventionScheduled} records arrive, by their key (the
 * ticket id), and when dispatch's producer created the latter (the record's timestamp). That splits an escalation's
 * way to its appointment in three: ticket-service publishing, dispatch booking and publishing, the broker delivering.
 * No group: it reads every partition.
 */
final class DispatchEventProbe implements AutoCloseable {

    /** Arrival of the first TicketEscalated of each ticket, epoch microseconds. */
    final ConcurrentHashMap<String, Long> escalatedAt = new ConcurrentHashMap<>();
    /** Arrival of the first InterventionScheduled of each ticket, epoch microseconds. */
    final ConcurrentHashMap<String, Long> scheduledAt = new ConcurrentHashMap<>();
    /** The Kafka timestamp of that record: when dispatch's producer took it, epoch microseconds (ms precision). */
    final ConcurrentHashMap<String, Long> scheduledSentAt = new ConcurrentHashMap<>();
    /**
     * Arrival of the first InterventionAtRisk of each ticket: dispatch's other answer to an escalation, when no
     * technician serving the site has a free slot within its horizon.
     */
    final ConcurrentHashMap<String, Long> atRiskAt = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    DispatchEventProbe(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // fetch.max.wait.ms stays at its default: with fetch.min.bytes at 1 the broker answers as soon as a record is
        // there, so a short wait bought no latency and cost the broker (the same JVM as the load) 200 empty fetches
        // a second.
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = Stream.of("ticket.events", "dispatch.events")
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "dispatch-events-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                long now = Target.nowMicros();
                Header type = record.headers().lastHeader("ce_type");
                String name = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
                if (record.key() == null) {
                    continue;
                }
                switch (name) {
                    case "TicketEscalated" -> escalatedAt.putIfAbsent(record.key(), now);
                    case "InterventionScheduled" -> {
                        if (scheduledAt.putIfAbsent(record.key(), now) == null) {
                            scheduledSentAt.put(record.key(), record.timestamp() * 1000);
                        }
                    }
                    case "InterventionAtRisk" -> atRiskAt.putIfAbsent(record.key(), now);
                    default -> {
                    }
                }
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
