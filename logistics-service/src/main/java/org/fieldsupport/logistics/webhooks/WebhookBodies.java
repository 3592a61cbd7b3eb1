package org.fieldsupport.logistics.webhooks;

import java.io.IOException;
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

    public <T> T read(String signatureHeader, byte[] body, Class<T> type) throws IOException {
        signature.verify(signatureHeader, body);
        if (body.length == 0) {
            throw new DomainProblems.InvalidInput("A JSON body is required.");
        }
        T value = mapper.readValue(body, type);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations.stream().map(v -> (ConstraintViolation<?>) v)
                    .collect(Collectors.toSet()));
        }
        return value;
    }
}
