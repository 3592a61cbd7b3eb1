package org.fieldsupport.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of our own on {@code dispatch.events}, from the end of the topic, that notes when each
 * {@code InterventionScheduled} record arrives, by its key (the ticket id). No group: it reads every partition.
 */
final class DispatchEventProbe implements AutoCloseable {

    /** Arrival of the first InterventionScheduled of each ticket, epoch microseconds. */
    final ConcurrentHashMap<String, Long> scheduledAt = new ConcurrentHashMap<>();
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
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor("dispatch.events").stream()
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
                if (record.key() != null && name.equals("InterventionScheduled")) {
                    scheduledAt.putIfAbsent(record.key(), now);
                } else if (record.key() != null && name.equals("InterventionAtRisk")) {
                    atRiskAt.putIfAbsent(record.key(), now);
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
