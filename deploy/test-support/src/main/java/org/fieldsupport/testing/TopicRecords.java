package org.fieldsupport.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.fieldsupport.infra.TopicReader;

/** Reads a topic from its beginning, and writes raw records, as any Kafka client outside the platform would. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** Every record on {@code topic} right now, in partition then offset order. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(), topic);
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }

    /** Sends a raw record with the given headers and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, headerValue) -> record.headers().add(name,
                    headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** The CloudEvents binary-mode headers of an event, as a publisher of the platform writes them. */
    public static Map<String, String> cloudEventHeaders(String id, String type, String source, String subject,
            String time) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source,
                "ce_subject", subject, "ce_time", time, "content-type", "application/json");
    }
}
