package org.fieldsupport.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

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

    /** Topic → the only service that may write it. */
    public static final Map<String, String> PUBLISHER = Map.of(
            TICKET_EVENTS, "ticket-service",
            DISPATCH_EVENTS, "dispatch-service",
            LOGISTICS_EVENTS, "logistics-service",
            SURVEY_EVENTS, "survey-service");

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

    /**
     * What a service may do on the broker (DESIGN §5): write its own topic and its own dead-letter topics, read the
     * topics it consumes and its consumer group (named after the service), nothing else.
     */
    public static List<AclBinding> aclsFor(String service) {
        String principal = "User:" + service;
        List<AclBinding> acls = new ArrayList<>();
        PUBLISHER.forEach((topic, publisher) -> {
            if (publisher.equals(service)) {
                acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.WRITE));
                acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.DESCRIBE));
            }
        });
        CONSUMERS.forEach((topic, consumers) -> {
            if (consumers.contains(service)) {
                acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.READ));
                acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.DESCRIBE));
                acls.add(allow(ResourceType.TOPIC, deadLetterTopic(topic, service), principal, AclOperation.WRITE));
                acls.add(allow(ResourceType.TOPIC, deadLetterTopic(topic, service), principal,
                        AclOperation.DESCRIBE));
            }
        });
        acls.add(allow(ResourceType.GROUP, service, principal, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
