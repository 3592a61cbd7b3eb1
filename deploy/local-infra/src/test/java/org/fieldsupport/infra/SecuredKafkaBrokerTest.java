package org.fieldsupport.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker in SCRAM mode: each service writes only its own topics and reads only what it consumes. */
class SecuredKafkaBrokerTest {

    static KafkaBroker broker;
    static KafkaAccess ticketService;

    @BeforeAll
    static void start() throws Exception {
        List<Integer> ports = FreePorts.pick(2);
        broker = KafkaBroker.secured(Files.createTempDirectory("kafka-scram"), "127.0.0.1", ports.get(0),
                ports.get(1), new KafkaAccess("platform-admin", "admin-secret"));
        broker.start();
        broker.createTopics(Topology.allTopics(), 1);
        ticketService = broker.grantService("ticket-service", "ticket-secret");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aServiceWritesItsOwnTopicAndItsDeadLettersOnly() throws Exception {
        try (KafkaProducer<String, String> producer = producer(ticketService)) {
            producer.send(new ProducerRecord<>("ticket.events", "k", "{}")).get(20, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("dispatch.events.ticket-service.dlq", "k", "{}"))
                    .get(20, TimeUnit.SECONDS);
        }
        assertThat(TopicReader.readAll(broker.bootstrapServers(), broker.adminAccess(), "ticket.events")).hasSize(1);
        try (KafkaProducer<String, String> producer = producer(ticketService)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("dispatch.events", "k", "{}"))
                    .get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsOnlyWhatItConsumes() {
        assertThat(TopicReader.readAll(broker.bootstrapServers(), ticketService, "dispatch.events")).isEmpty();
        assertThatThrownBy(() -> TopicReader.readAll(broker.bootstrapServers(), ticketService, "survey.events"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theServicesConsumerGroupIsItsOwn() {
        Map<String, Object> props = new HashMap<>(ticketService.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dispatch-service");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition("dispatch.events", 0)));
            assertThatThrownBy(() -> consumer.committed(Set.of(new TopicPartition("dispatch.events", 0)),
                    Duration.ofSeconds(10))).hasMessageContaining("dispatch-service");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> producer = producer(new KafkaAccess("ticket-service", "guess"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("ticket.events", "k", "{}"))
                    .get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaAccess access) {
        Map<String, Object> props = new HashMap<>(access.clientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
