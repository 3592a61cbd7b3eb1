package org.fieldsupport.survey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.fieldsupport.testing.TopicRecords;

/**
 * Events as the other services publish them: each starts from the publisher's own example file (its contract) with
 * the fields a test sets, and is sent as a CloudEvent in binary mode, keyed by the ticket.
 */
public final class PlatformEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> PUBLISHERS = Map.of("ticket.events", "ticket-service", "dispatch.events",
            "dispatch-service", "logistics.events", "logistics-service");

    private PlatformEvents() {
    }

    public static Path example(String topic, String type) {
        return Path.of("../" + PUBLISHERS.get(topic) + "/src/main/resources/contracts/examples/" + type + ".json");
    }

    /** The publisher's example of {@code type} with {@code fields} replaced (values are written as JSON text). */
    public static String payload(String topic, String type, Map<String, Object> fields) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(example(topic, type)));
            fields.forEach((name, value) -> event.set(name, JSON.valueToTree(value)));
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the event with a new ce_id and returns that id. */
    public static String send(String topic, String type, UUID ticketId, Map<String, Object> fields) {
        String id = UUID.randomUUID().toString();
        send(id, topic, type, ticketId, fields);
        return id;
    }

    public static void send(String eventId, String topic, String type, UUID ticketId, Map<String, Object> fields) {
        String payload = payload(topic, type, fields);
        String occurredAt = fields.getOrDefault("occurredAt", Instant.now()).toString();
        TopicRecords.send(topic, ticketId.toString(), payload, TopicRecords.cloudEventHeaders(eventId, type,
                "urn:field-support:" + PUBLISHERS.get(topic), ticketId.toString(), occurredAt));
    }

    public static void ticketOpened(UUID ticketId, String site, String employeeId, Instant at) {
        send("ticket.events", "TicketOpened", ticketId, Map.of("ticketId", ticketId.toString(), "site", site,
                "employeeId", employeeId, "occurredAt", at.toString()));
    }

    public static String interventionCompleted(UUID ticketId, String site, Instant at) {
        return send("dispatch.events", "InterventionCompleted", ticketId, completion(ticketId, site, at));
    }

    public static Map<String, Object> completion(UUID ticketId, String site, Instant at) {
        return Map.of("ticketId", ticketId.toString(), "site", site, "interventionId", UUID.randomUUID().toString(),
                "occurredAt", at.toString());
    }

    /** The events survey-service published with this record key, in order. */
    public static List<ConsumerRecord<String, String>> published(String key, String type) {
        return TopicRecords.readAll("survey.events").stream()
                .filter(r -> key.equals(r.key()) && type.equals(TopicRecords.header(r, "ce_type"))).toList();
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one-time token of the invitation published for a ticket (as the mail system reads it). */
    public static String tokenOf(UUID ticketId) {
        List<ConsumerRecord<String, String>> issued = published(ticketId.toString(), "SurveyInvitationIssued");
        if (issued.size() != 1) {
            throw new AssertionError("Expected one invitation for " + ticketId + ", found " + issued.size());
        }
        String url = json(issued.get(0).value()).get("surveyUrl").asText();
        return url.substring(url.lastIndexOf("/surveys/") + "/surveys/".length());
    }

    /** A site code no other test uses, so that figures can be compared before and after. */
    public static String freshSite(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_');
    }
}
