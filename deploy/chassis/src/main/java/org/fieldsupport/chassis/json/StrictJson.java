package org.fieldsupport.chassis.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Requests are read strictly: a number where text is expected, text where a number is expected, a time that is not
 * ISO-8601 text, a duplicate key or trailing garbage is an error, not a guess. Unknown fields are refused by
 * {@code quarkus.jackson.fail-on-unknown-properties=true}; consumers of events opt into tolerance per record.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last of all, after Quarkus registers the Java time module, so that the text-only readers below win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);
        mapper.configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(), true);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // An empty or blank text is not an absent id, date or code: it is an error.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        // Times and dates are ISO-8601 text: the defaults would read a bare number as epoch seconds, an array as
        // the date's fields.
        SimpleModule textOnlyTimes = new SimpleModule("text-only-times");
        textOnly(textOnlyTimes, Instant.class, InstantDeserializer.INSTANT);
        textOnly(textOnlyTimes, OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME);
        textOnly(textOnlyTimes, LocalDate.class, LocalDateDeserializer.INSTANCE);
        textOnly(textOnlyTimes, LocalTime.class, LocalTimeDeserializer.INSTANCE);
        mapper.registerModule(textOnlyTimes);
    }

    private static <T> void textOnly(SimpleModule module, Class<T> type, JsonDeserializer<T> iso) {
        module.addDeserializer(type, new StdDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    @SuppressWarnings("unchecked")
                    T refused = (T) context.handleUnexpectedToken(type, parser);
                    return refused;
                }
                return iso.deserialize(parser, context);
            }
        });
    }
}
