package org.fieldsupport.chassis.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fieldsupport.chassis.problem.DomainProblems;

/**
 * Create calls honour {@code Idempotency-Key}: the first request's answer is stored in the same transaction as its
 * effect, and a retry with the same key and the same body gets that answer again instead of a second object. A
 * concurrent retry waits on the key's row until the first one commits, then replays it.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    /** Runs {@code action} once per (scope, key) and request; without a key it simply runs it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response execute(String scope, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainProblems.InvalidInput(
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        String requestHash = sha256(toJson(request));
        int claimed = entityManager.createNativeQuery(
                "insert into idempotency_record (scope, idempotency_key, request_hash) values (:scope, :key, :hash) "
                        + "on conflict do nothing")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .executeUpdate();
        if (claimed == 0) {
            IdempotencyRecord record = entityManager.find(IdempotencyRecord.class,
                    new IdempotencyRecord.Key(scope, key));
            if (!record.requestHash.equals(requestHash)) {
                throw new DomainProblems.RuleViolation("idempotency-key-reused",
                        "This Idempotency-Key was already used with a different request.");
            }
            return replay(record);
        }
        Response response = action.get();
        // One statement for the claimed row: loading it and letting the commit's dirty check update it cost more
        // than everything else this class does for a request (ticket creation's profile, benchmark run 25).
        entityManager.createNativeQuery("update idempotency_record set response_status = :status, "
                        + "response_location = :location, response_body = :body "
                        + "where scope = :scope and idempotency_key = :key")
                .setParameter("status", response.getStatus())
                .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("body", response.hasEntity() ? toJson(response.getEntity()) : null)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private Response replay(IdempotencyRecord record) {
        Response.ResponseBuilder builder = Response.status(record.responseStatus).header(REPLAYED_HEADER, "true");
        if (record.responseLocation != null) {
            builder.location(URI.create(record.responseLocation));
        }
        if (record.responseBody != null) {
            builder.entity(record.responseBody).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise for the idempotency record", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
