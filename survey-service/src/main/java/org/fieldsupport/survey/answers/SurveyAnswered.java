package org.fieldsupport.survey.answers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/**
 * An answer was recorded. It carries the ratings but neither the comment nor the employee: answers are read by pilot
 * managers through survey-service only, without the employee's identity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyAnswered(int schemaVersion, UUID invitationId, String kind, UUID ticketId, UUID campaignId,
        String site, int rating, List<Integer> ratings, boolean satisfied, boolean commented, Instant occurredAt)
        implements DomainEvent {

    @Override
    public String eventType() {
        return "SurveyAnswered";
    }

    @Override
    public String recordKey() {
        return (ticketId != null ? ticketId : invitationId).toString();
    }
}
