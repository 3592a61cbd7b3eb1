package org.fieldsupport.chassis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictJsonTest {

    record Timed(Instant at, LocalDate day, String text, Integer count) {
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
    void scalarsAreNotGuessed() {
        assertThatThrownBy(() -> strict().readValue("{\"text\": 12}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict().readValue("{\"count\": \"12\"}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict().readValue("{\"text\": \"a\", \"text\": \"b\"}", Timed.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
