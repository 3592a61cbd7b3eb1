package org.fieldsupport.survey.pilot;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * survey-service's own reading of ticket-service's {@code TicketOpened}: only the fields it uses (tolerant reader).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketOpened(UUID ticketId, String site, String category, String employeeId, Instant occurredAt) {

    public static final String TYPE = "TicketOpened";

    /** The fields the projection cannot do without. */
    public boolean isComplete() {
        return ticketId != null && site != null && category != null && occurredAt != null;
    }
}
