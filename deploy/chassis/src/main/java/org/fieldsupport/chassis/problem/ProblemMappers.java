package org.fieldsupport.chassis.problem;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import org.fieldsupport.chassis.persistence.TransientFailures;

/**
 * Every error of every service answers in {@code application/problem+json}. The details name the field and what is
 * expected, never a Java type, a stack trace, or the rejected value (which may be personal data).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response domain(DomainProblems.DomainProblem e, UriInfo uri) {
        int status = e instanceof DomainProblems.InvalidInput ? 400
                : e instanceof DomainProblems.NotFound ? 404
                : e instanceof DomainProblems.Conflict ? 409
                : 422;
        return respond(new Problem(Problem.TYPE_BASE + e.slug(), e.title(), status, e.getMessage(),
                uri.getPath(), null, null));
    }

    /** Two changes of the same record crossed; the caller reads it again and decides. */
    @ServerExceptionMapper
    public Response concurrentUpdate(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "concurrent-update", "Concurrent update", 409,
                "This resource changed while your request was processed; read it again and retry.", uri.getPath(),
                null, null));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return respond(new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                "The request has " + errors.size() + " invalid field(s).", uri.getPath(), errors, null));
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        return badJson(uri, path(e), "unknown field: it is not part of this request");
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        String message = target != null && target.isEnum()
                ? "unknown value; expected one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "))
                : "value has the wrong format" + expected(target);
        return badJson(uri, path(e), message);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        return badJson(uri, field, field.isEmpty() ? "the body must be a JSON object"
                : "value has the wrong type" + expected(e.getTargetType()));
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return badJson(uri, path(e), "value is not acceptable");
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return badJson(uri, path(e), "value is not acceptable");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                "The body is not well-formed JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ").",
                uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                "The body could not be read as JSON.", uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this operation.", uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonFailure(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Request rejected";
        return respond(new Problem("about:blank", title, status, detailFor(status), uri.getPath(), null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof JsonProcessingException json) {
            return jsonFailure(json, uri);
        }
        if (clientWentAway(e)) {
            // The caller closed the connection before its body arrived: nobody reads this answer, and logging each
            // one with its stack trace is what drowns a service when a backlog makes clients give up.
            LOG.debugf("Client closed the connection during %s", uri.getPath());
            return respond(new Problem(Problem.TYPE_BASE + "client-closed-request", "Client closed the request",
                    400, "The connection was closed before the request was complete.", uri.getPath(), null, null));
        }
        if (TransientFailures.isTransient(e)) {
            return temporarilyUnavailable(e, uri);
        }
        return internalError(e, uri);
    }

    /**
     * The database was out of reach, or the request lost a lock conflict with another: nothing is wrong with the
     * request, and the same request succeeds a moment later. Sent again with its {@code Idempotency-Key}, a creation
     * whose commit went unconfirmed is not made twice.
     */
    private Response temporarilyUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Temporarily unavailable on %s: %s", uri.getPath(), e.getMessage());
        Response response = respond(new Problem(Problem.TYPE_BASE + "temporarily-unavailable",
                "Temporarily unavailable", 503, "The request could not be completed now; retry in a moment.",
                uri.getPath(), null, null));
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** Whether {@code e} comes from the client's connection closing under the request. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private Response jsonFailure(JsonProcessingException json, UriInfo uri) {
        if (json instanceof UnrecognizedPropertyException u) {
            return unrecognizedField(u, uri);
        }
        if (json instanceof InvalidFormatException f) {
            return invalidFormat(f, uri);
        }
        if (json instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (json instanceof JsonParseException p) {
            return malformedJson(p, uri);
        }
        if (json instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        return json(json, uri);
    }

    private Response internalError(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return respond(new Problem("about:blank", "Internal error", 500,
                "The request could not be completed; quote the error id to the support team.", uri.getPath(),
                null, errorId));
    }

    private Response unauthenticated(UriInfo uri) {
        Response response = respond(new Problem(Problem.TYPE_BASE + "unauthenticated", "Unauthenticated", 401,
                "A valid bearer token is required.", uri.getPath(), null, null));
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response badJson(UriInfo uri, String field, String message) {
        return respond(new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                "The request has 1 invalid field(s).", uri.getPath(),
                List.of(new Problem.FieldError(field.isEmpty() ? "$" : field, message)), null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The requested representation is not available.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported content type; send application/json.";
            default -> "The request was rejected.";
        };
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        if (target == String.class) {
            return "; expected a string";
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class
                || target == double.class) {
            return "; expected a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "; expected true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "; expected an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "; expected an ISO-8601 date-time";
        }
        if (target == UUID.class) {
            return "; expected a UUID";
        }
        return "";
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "open.request.summary": the method and parameter names are no business of the caller.
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
