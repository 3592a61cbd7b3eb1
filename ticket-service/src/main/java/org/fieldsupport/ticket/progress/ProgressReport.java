package org.fieldsupport.ticket.progress;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * ticket-service's own reading of the dispatch and logistics events it follows: only the fields it uses, all of
 * them optional but {@code occurredAt} (tolerant reader). The publishers' schemas are in their contracts folders.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressReport(UUID ticketId, String kind, String technicianId, Window window, Instant deadline,
        Boolean withinPromise, String outcome, String reason, String accessory, String method,
        String interimArrangement, String lockerId, String compartment, String purpose, Instant occurredAt) {

    /** An appointment window. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(Instant start, Instant end) {
    }
}
