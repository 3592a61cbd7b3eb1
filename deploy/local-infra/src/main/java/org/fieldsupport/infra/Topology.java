package org.fieldsupport.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's topics, who publishes each and who consumes it (DESIGN §2–§3). The launcher and the tests create
 * exactly these topics, so the broker refuses a topic that nobody declared (auto-creation is off).
 */
public final class Topology {

    public static final String TICKET_EVENTS = "ticket.events";
    public static final String DISPATCH_EVENTS = "dispatch.events";
    public static final String LOGISTICS_EVENTS = "logistics.events";
    public static final String SURVEY_EVENTS = "survey.events";

    /** Topic → the services that consume it; each consumer owns a dead-letter topic per topic it reads. */
    public static final Map<String, List<String>> CONSUMERS = Map.of(
            TICKET_EVENTS, List.of("dispatch-service", "logistics-service", "survey-service"),
            DISPATCH_EVENTS, List.of("ticket-service", "logistics-service", "survey-service"),
            LOGISTICS_EVENTS, List.of("ticket-service", "dispatch-service", "survey-service"),
            SURVEY_EVENTS, List.of());

    public static final int DEFAULT_PARTITIONS = 6;

    private Topology() {
    }

    public static String deadLetterTopic(String topic, String consumingService) {
        return topic + "." + consumingService + ".dlq";
    }

    /** Every topic the platform needs: the four event topics and each consumer's dead-letter topics. */
    public static List<String> allTopics() {
        List<String> topics = new ArrayList<>();
        for (String topic : List.of(TICKET_EVENTS, DISPATCH_EVENTS, LOGISTICS_EVENTS, SURVEY_EVENTS)) {
            topics.add(topic);
            for (String consumer : CONSUMERS.get(topic)) {
                topics.add(deadLetterTopic(topic, consumer));
            }
        }
        return topics;
    }
}
