package org.fieldsupport.logistics.webhooks;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.fieldsupport.chassis.problem.DomainProblems;

/**
 * Reads a webhook's body only after its signature verified, with the service's strict JSON rules and bean
 * validation, so a webhook gets the same problem responses as any other request.
 */
@ApplicationScoped
public class WebhookBodies {

    @Inject
    WebhookSignature signature;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** How far ahead of this service's clock a reported time may be (clock skew between systems). */
    static final Duration SKEW = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    /** A report of something that has not happened yet is refused. */
    public void requireNotFuture(Instant at) {
        if (at.isAfter(clock.instant().plus(SKEW))) {
            throw new DomainProblems.InvalidInput("at cannot be in the future.");
        }
    }

    public <T> T read(String signatureHeader, byte[] body, Class<T> type) throws IOException {
        signature.verify(signatureHeader, body);
        if (body.length == 0) {
            throw new DomainProblems.InvalidInput("A JSON body is required.");
        }
        T value = mapper.readValue(body, type);
        if (value == null) {
            throw new DomainProblems.InvalidInput("A JSON object is required.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations.stream().map(v -> (ConstraintViolation<?>) v)
                    .collect(Collectors.toSet()));
        }
        return value;
    }
}
