package org.fieldsupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * In every service, requests can never hold every database connection: the request threads, one inbox thread per
 * consumed channel and the outbox relay's thread together fit in the connection pool. Otherwise a burst of requests
 * takes every connection and the relay and the consumers queue behind it (deploy/benchmarks/BENCHMARKS.md,
 * session 16).
 */
class ConnectionBudgetTest {

    private static final int RELAY_THREADS = 1;

    @Test
    void requestThreadsInboxThreadsAndTheRelayFitInTheConnectionPool() {
        List<String> problems = new ArrayList<>();
        for (String service : DeployRepo.SERVICES) {
            ServiceConfig config = ServiceConfig.load(service);
            Map<String, String> properties = config.properties();
            int channels = config.consumerChannels().size();
            int requestThreads = number(properties, "quarkus.thread-pool.max-threads", service, problems);
            int inboxThreads = number(properties, "smallrye.messaging.worker.inbox.max-concurrency", service, problems);
            int connections = number(properties, "quarkus.datasource.jdbc.max-size", service, problems);
            if (inboxThreads != channels) {
                problems.add(service + ": " + inboxThreads + " inbox threads for " + channels + " consumed channels");
            }
            if (requestThreads + inboxThreads + RELAY_THREADS > connections) {
                problems.add(service + ": " + requestThreads + " request threads + " + inboxThreads
                        + " inbox threads + the relay > " + connections + " connections");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static int number(Map<String, String> properties, String key, String service, List<String> problems) {
        String value = properties.get(key);
        if (value == null) {
            problems.add(service + ": " + key + " not set");
            return 0;
        }
        return Integer.parseInt(value.trim());
    }
}
