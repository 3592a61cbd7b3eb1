package org.fieldsupport.chassis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictJsonTest {

    enum Kind {
        A
    }

    record Timed(Instant at, LocalDate day, String text, Integer count, UUID id, Kind kind) {
    }

    static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void timesAreWrittenAsTextOnly() throws Exception {
        Timed timed = strict().readValue("{\"at\": \"2025-10-06T08:00:00Z\", \"day\": \"2025-10-06\"}", Timed.class);
        assertThat(timed.at()).isEqualTo(Instant.parse("2025-10-06T08:00:00Z"));
        assertThatThrownBy(() -> strict().readValue("{\"at\": 1759737600}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict().readValue("{\"at\": 1759737600.5}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict().readValue("{\"day\": [2025, 10, 6]}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict().readValue("{\"day\": 20251006}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void anEmptyOrBlankTextIsNotAnAbsentValue() throws Exception {
        for (String field : List.of("id", "kind", "at", "day")) {
            for (String text : List.of("", " ", "\\u0000")) {
                assertThatThrownBy(() -> strict().readValue("{\"" + field + "\": \"" + text + "\"}", Timed.class))
                        .as(field + " = '" + text + "'").isInstanceOf(JsonProcessingException.class);
            }
        }
        assertThat(strict().readValue("{\"text\": \"\"}", Timed.class).text()).isEmpty();
        assertThat(strict().readValue("{\"id\": null}", Timed.class).id()).isNull();
    }

    @Test
    void scalarsAreNotGuessed() {
        assertThatThrownBy(() -> strict().readValue("{\"text\": 12}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict().readValue("{\"count\": \"12\"}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict().readValue("{\"text\": \"a\", \"text\": \"b\"}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
