package org.fieldsupport.e2e.suites;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fieldsupport.e2e.SharedPlatform;
import org.fieldsupport.infra.Topology;
import org.fieldsupport.infra.TopicReader;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * A record no consumer can process, on every consumed topic: each consuming service sets it aside on its own
 * dead-letter topic with the reason, stays ready, and goes on (the flows that run after this class use the same
 * channels).
 */
@ExtendWith(SharedPlatform.class)
@Order(1)
class PoisonRecordsE2ETest {

    @Test
    void aPoisonRecordOnEveryConsumedTopicReachesEachConsumersDeadLetterTopic() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        Map<String, String> poisonIds = new HashMap<>();
        Map<String, Object> props = new HashMap<>(platform.kafkaAdminAccess().clientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (String topic : Topology.CONSUMERS.keySet()) {
                if (Topology.CONSUMERS.get(topic).isEmpty()) {
                    continue;
                }
                String id = UUID.randomUUID().toString();
                ProducerRecord<String, String> poison = new ProducerRecord<>(topic, "poison-" + id,
                        "this is not JSON {");
                poison.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id))
                        .add("ce_type", bytes("Poisoned")).add("ce_source", bytes("urn:field-support:e2e"))
                        .add("ce_time", bytes(Instant.now().toString()))
                        .add("content-type", bytes("application/json"));
                producer.send(poison).get(20, TimeUnit.SECONDS);
                poisonIds.put(topic, id);
            }
        }
        for (Map.Entry<String, String> poisoned : poisonIds.entrySet()) {
            for (String consumer : Topology.CONSUMERS.get(poisoned.getKey())) {
                String dlq = Topology.deadLetterTopic(poisoned.getKey(), consumer);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TopicReader.readAll(
                        platform.kafkaBootstrapServers(), platform.kafkaAdminAccess(), dlq))
                        .as(dlq).anySatisfy(r -> {
                            assertThat(TopicReader.header(r, "ce_id")).isEqualTo(poisoned.getValue());
                            assertThat(TopicReader.header(r, "dead-letter-reason")).contains("not JSON");
                        }));
            }
        }
        for (String service : List.of("ticket-service", "dispatch-service", "logistics-service", "survey-service")) {
            given().get(platform.service(service).baseUrl() + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
