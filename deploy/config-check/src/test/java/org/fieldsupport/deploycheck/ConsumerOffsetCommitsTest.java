package org.fieldsupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every Kafka consumer of the platform commits its offsets at least once a second. Consumer lag, as monitoring and
 * the benchmark's target ("lag under one second at the end") read it, is the distance to the committed offsets;
 * with SmallRye's throttled strategy they are committed every {@code auto.commit.interval.ms}, Kafka's 5 s unless a
 * channel says otherwise, so a consumer that had applied everything would still look seconds behind.
 */
class ConsumerOffsetCommitsTest {

    private static final int AT_MOST_MS = 1000;

    @Test
    void everyKafkaConsumerCommitsItsOffsetsAtLeastOnceASecond() {
        List<String> consumers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String service : DeployRepo.SERVICES) {
            ServiceConfig config = ServiceConfig.load(service);
            for (String channel : config.consumerChannels()) {
                String where = service + " channel " + channel;
                consumers.add(where);
                String interval = config.properties()
                        .get("mp.messaging.incoming." + channel + ".auto.commit.interval.ms");
                if (interval == null || Integer.parseInt(interval.trim()) > AT_MOST_MS) {
                    problems.add(where + ": auto.commit.interval.ms " + interval);
                }
            }
        }
        assertThat(consumers).as("the platform's Kafka consumers").hasSizeGreaterThanOrEqualTo(9);
        assertThat(problems).as("consumers committing less often than every " + AT_MOST_MS + " ms").isEmpty();
    }
}
