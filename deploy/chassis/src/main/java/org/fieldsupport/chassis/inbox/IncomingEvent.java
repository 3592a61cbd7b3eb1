package org.fieldsupport.chassis.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvent read from a Kafka record in binary mode: the envelope from the {@code ce_*} headers, the payload as
 * JSON. A record without a usable envelope or with a payload that is not a JSON object is a poison message.
 */
public record IncomingEvent(String id, String type, String source, Instant time, String subject, String key,
        String topic, JsonNode data, ObjectMapper mapper) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        String id = requiredHeader(record, "ce_id");
        String type = requiredHeader(record, "ce_type");
        String source = requiredHeader(record, "ce_source");
        String specVersion = requiredHeader(record, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new PoisonMessageException("unsupported CloudEvents specversion " + specVersion);
        }
        Instant time = parseTime(header(record, "ce_time"));
        if (record.value() == null) {
            throw new PoisonMessageException("empty payload for " + type + " " + id);
        }
        JsonNode data;
        try {
            data = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("payload of " + type + " " + id + " is not JSON");
        }
        if (data == null || !data.isObject()) {
            throw new PoisonMessageException("payload of " + type + " " + id + " is not a JSON object");
        }
        return new IncomingEvent(id, type, source, time, header(record, "ce_subject"), record.key(), record.topic(), data,
                mapper);
    }

    /** The payload as the consumer's own record of the event (tolerant reader: unknown fields are ignored). */
    public <T> T dataAs(Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException(
                    "payload of " + this.type + " " + id + " does not match the contract: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(
                    "payload of " + this.type + " " + id + " does not match the contract: " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String requiredHeader(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("unreadable ce_time " + value);
        }
    }
}
