package org.fieldsupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every Kafka consumer of the platform commits what it has applied within a second. Consumer lag, as monitoring and
 * the benchmark's target ("lag under one second at the end") read it, is the distance to the committed offsets.
 * With SmallRye's throttled strategy they are committed every {@code auto.commit.interval.ms} (Kafka's 5 s unless a
 * channel says otherwise), and the commit runs on the polling thread between two polls, so on a quiet topic it also
 * waits for an empty poll to end ({@code poll-timeout}, 1 s unless a channel says otherwise). A consumer that had
 * applied everything would otherwise still look seconds behind.
 */
class ConsumerOffsetCommitsTest {

    private static final int AT_MOST_MS = 1000;
    private static final int SMALLRYE_COMMIT_INTERVAL_MS = 5000;
    private static final int SMALLRYE_POLL_TIMEOUT_MS = 1000;

    @Test
    void everyKafkaConsumerCommitsWhatItAppliedWithinASecond() {
        List<String> consumers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String service : DeployRepo.SERVICES) {
            ServiceConfig config = ServiceConfig.load(service);
            for (String channel : config.consumerChannels()) {
                String where = service + " channel " + channel;
                consumers.add(where);
                int interval = millis(config, channel, "auto.commit.interval.ms", SMALLRYE_COMMIT_INTERVAL_MS);
                int pollTimeout = millis(config, channel, "poll-timeout", SMALLRYE_POLL_TIMEOUT_MS);
                if (interval + pollTimeout > AT_MOST_MS) {
                    problems.add(where + ": auto.commit.interval.ms " + interval + " + poll-timeout " + pollTimeout);
                }
            }
        }
        assertThat(consumers).as("the platform's Kafka consumers").hasSizeGreaterThanOrEqualTo(9);
        assertThat(problems).as("consumers whose commits can trail what they applied by more than " + AT_MOST_MS
                + " ms").isEmpty();
    }

    private static int millis(ServiceConfig config, String channel, String attribute, int unset) {
        String value = config.properties().get("mp.messaging.incoming." + channel + "." + attribute);
        return value == null ? unset : Integer.parseInt(value.trim());
    }
}
