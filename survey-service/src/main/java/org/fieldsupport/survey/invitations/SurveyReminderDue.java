package org.fieldsupport.survey.invitations;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/**
 * The one reminder for an unanswered invitation: the mail system sends again the link it received with
 * {@link SurveyInvitationIssued} of the same {@code invitationId} (survey-service keeps only the link's hash).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyReminderDue(int schemaVersion, UUID invitationId, String kind, UUID ticketId, UUID campaignId,
        String site, String employeeId, Instant expiresAt, Instant occurredAt) implements DomainEvent {

    @Override
    public String eventType() {
        return "SurveyReminderDue";
    }

    @Override
    public String recordKey() {
        return (ticketId != null ? ticketId : invitationId).toString();
    }
}
