package org.fieldsupport.chassis.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. Only text written for the caller goes in: never a stack trace, a class name, or
 * personal data the caller sent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://field-support.local/problems/";

    /** One rejected field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
