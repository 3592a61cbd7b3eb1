package org.fieldsupport.survey.invitations;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/**
 * An invitation to send: the mail system (which alone knows the employee's address) sends {@code surveyUrl}, the
 * one-time link, to the pseudonymous {@code employeeId}. Keyed by the ticket, or by the invitation for a campaign.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyInvitationIssued(int schemaVersion, UUID invitationId, String kind, UUID ticketId,
        UUID campaignId, String site, String employeeId, String surveyUrl, Instant expiresAt, Instant occurredAt)
        implements DomainEvent {

    @Override
    public String eventType() {
        return "SurveyInvitationIssued";
    }

    @Override
    public String recordKey() {
        return (ticketId != null ? ticketId : invitationId).toString();
    }
}
