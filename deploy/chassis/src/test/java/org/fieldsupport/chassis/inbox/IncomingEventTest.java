package org.fieldsupport.chassis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class IncomingEventTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reading(String ticketId, Instant occurredAt) {
    }

    @Test
    void readsTheEnvelopeFromTheHeadersAndThePayloadAsJson() {
        IncomingEvent event = IncomingEvent.from(record("{\"ticketId\": \"t-1\", \"occurredAt\": "
                + "\"2025-10-07T08:00:00Z\", \"newField\": 3}", headers()), MAPPER);
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("TicketOpened");
        assertThat(event.time()).isEqualTo(Instant.parse("2025-10-07T08:00:00Z"));
        assertThat(event.key()).isEqualTo("t-1");
        assertThat(event.dataAs(Reading.class)).isEqualTo(
                new Reading("t-1", Instant.parse("2025-10-07T08:00:00Z")));
    }

    @Test
    void aRecordWithoutItsEnvelopeIsPoison() {
        Map<String, String> headers = new java.util.HashMap<>(headers());
        headers.remove("ce_id");
        assertThatThrownBy(() -> IncomingEvent.from(record("{}", headers), MAPPER))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("ce_id");
    }

    @Test
    void aPayloadThatIsNotAJsonObjectIsPoison() {
        assertThatThrownBy(() -> IncomingEvent.from(record("{broken", headers()), MAPPER))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> IncomingEvent.from(record("[1, 2]", headers()), MAPPER))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> IncomingEvent.from(record(null, headers()), MAPPER))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("empty payload");
    }

    @Test
    void anUnknownSpecVersionOrAnUnreadableTimeIsPoison() {
        Map<String, String> other = new java.util.HashMap<>(headers());
        other.put("ce_specversion", "0.3");
        assertThatThrownBy(() -> IncomingEvent.from(record("{}", other), MAPPER))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("specversion");
        Map<String, String> badTime = new java.util.HashMap<>(headers());
        badTime.put("ce_time", "yesterday");
        assertThatThrownBy(() -> IncomingEvent.from(record("{}", badTime), MAPPER))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("ce_time");
    }

    @Test
    void aPayloadOfTheWrongShapeIsPoisonWhenRead() {
        IncomingEvent event = IncomingEvent.from(record("{\"occurredAt\": \"soon\"}", headers()), MAPPER);
        assertThatThrownBy(() -> event.dataAs(Reading.class)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("does not match the contract");
    }

    static Map<String, String> headers() {
        return Map.of("ce_specversion", "1.0", "ce_id", "e-1", "ce_type", "TicketOpened",
                "ce_source", "urn:field-support:ticket-service", "ce_time", "2025-10-07T08:00:00Z",
                "ce_subject", "t-1");
    }

    static ConsumerRecord<String, String> record(String value, Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("ticket.events", 0, 0L, "t-1", value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
