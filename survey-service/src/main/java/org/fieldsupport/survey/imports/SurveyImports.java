package org.fieldsupport.survey.imports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.survey.answers.Answers;
import org.fieldsupport.survey.answers.SurveyAnswer;
import org.fieldsupport.survey.invitations.Invitations;
import org.fieldsupport.survey.invitations.SurveyCandidate;
import org.fieldsupport.survey.invitations.SurveyConfig;
import org.fieldsupport.survey.invitations.SurveyInvitation;
import org.fieldsupport.survey.pilot.PilotCalendar;
import org.fieldsupport.survey.pilot.PilotTicket;

/**
 * The historical import of per-intervention surveys: the invitation an earlier system sent after a visit or a
 * delivery this platform knows, and the employee's answer if there was one, each at its business time. Only tickets
 * that are survey candidates here (their completed intervention or delivered accessory was read) may get one, so
 * that an imported survey is counted exactly where a live one would be.
 */
@ApplicationScoped
public class SurveyImports {

    @Inject
    Invitations invitations;

    @Inject
    Answers answers;

    @Inject
    SurveyConfig config;

    @Inject
    PilotCalendar calendar;

    /** A survey of the past: sent at {@code invitedAt}, answered at {@code answeredAt} with {@code rating}, or not. */
    public record ImportedSurvey(UUID ticketId, Instant invitedAt, Instant answeredAt, Integer rating,
            String comment) {
    }

    /** What the platform now holds for the ticket; {@code created} is false when the same import came again. */
    public record Imported(UUID invitationId, UUID ticketId, String site, String referenceMonth, Instant invitedAt,
            Instant answeredAt, Integer rating, boolean created) {
    }

    @Transactional
    public Imported importSurvey(ImportedSurvey request, Instant now) {
        checkShape(request, now);
        ImportedSurvey survey = storable(request);
        SurveyCandidate candidate = SurveyCandidate.findById(survey.ticketId(), LockModeType.PESSIMISTIC_WRITE);
        PilotTicket ticket = PilotTicket.findById(survey.ticketId());
        if (candidate == null || ticket == null || ticket.employeeId == null) {
            throw new DomainProblems.Conflict("survey-import-ticket-not-ready", "No completed on-site intervention "
                    + "or delivered accessory is known for ticket " + survey.ticketId() + " yet: import its survey "
                    + "once the pilot's figures show the visit or the delivery.");
        }
        SurveyInvitation existing = SurveyInvitation.find("ticketId", survey.ticketId()).firstResult();
        if (existing != null) {
            return sameImportAgain(existing, survey);
        }
        if (survey.invitedAt().isBefore(candidate.triggeredAt)) {
            throw new DomainProblems.InvalidInput("invitedAt " + survey.invitedAt() + " is before the visit or "
                    + "delivery the survey asks about (" + candidate.triggeredAt + ").");
        }
        if (survey.answeredAt() != null
                && !survey.answeredAt().isBefore(survey.invitedAt().plus(config.invitation().expiry()))) {
            throw new DomainProblems.InvalidInput("answeredAt is after the link's validity ("
                    + config.invitation().expiry() + " from invitedAt).");
        }
        SurveyInvitation invitation = invitations.recordImported(candidate, ticket.employeeId, survey.invitedAt(),
                now);
        Integer rating = null;
        if (survey.answeredAt() != null) {
            rating = answers.record(invitation, List.of(survey.rating()), survey.comment(), survey.answeredAt()).rating;
        }
        return imported(invitation, rating, true);
    }

    /** The times as the database keeps them (microseconds), so that the same import again compares equal. */
    private static ImportedSurvey storable(ImportedSurvey survey) {
        return new ImportedSurvey(survey.ticketId(), survey.invitedAt().truncatedTo(ChronoUnit.MICROS),
                survey.answeredAt() == null ? null : survey.answeredAt().truncatedTo(ChronoUnit.MICROS),
                survey.rating(), survey.comment());
    }

    private static void checkShape(ImportedSurvey survey, Instant now) {
        if (survey == null || survey.ticketId() == null || survey.invitedAt() == null) {
            throw new DomainProblems.InvalidInput(
                    "A JSON body {ticketId, invitedAt, answeredAt?, rating?, comment?} is required.");
        }
        if ((survey.answeredAt() == null) != (survey.rating() == null)) {
            throw new DomainProblems.InvalidInput("answeredAt and rating go together: both for an answered survey, "
                    + "neither for an unanswered one.");
        }
        if (survey.rating() != null && (survey.rating() < 1 || survey.rating() > 5)) {
            throw new DomainProblems.InvalidInput("rating must be an integer from 1 to 5.");
        }
        if (survey.comment() != null && survey.comment().strip().length() > Answers.MAX_COMMENT) {
            throw new DomainProblems.InvalidInput("comment: at most " + Answers.MAX_COMMENT + " characters.");
        }
        if (survey.answeredAt() == null && survey.comment() != null) {
            throw new DomainProblems.InvalidInput("A comment comes only with an answer.");
        }
        if (survey.invitedAt().isAfter(now) || (survey.answeredAt() != null && survey.answeredAt().isAfter(now))) {
            throw new DomainProblems.InvalidInput("An imported survey is of the past: invitedAt and answeredAt must "
                    + "not be after now.");
        }
        if (survey.answeredAt() != null && survey.answeredAt().isBefore(survey.invitedAt())) {
            throw new DomainProblems.InvalidInput("answeredAt is before invitedAt.");
        }
    }

    /** The importer retrying the same survey gets the same answer; a different survey for the ticket is refused. */
    private Imported sameImportAgain(SurveyInvitation existing, ImportedSurvey survey) {
        SurveyAnswer answer = existing.answeredAt == null ? null : SurveyAnswer.findById(existing.id);
        Integer rating = answer == null ? null : answer.rating;
        boolean same = existing.imported && existing.issuedAt.equals(survey.invitedAt())
                && Objects.equals(existing.answeredAt, survey.answeredAt()) && Objects.equals(rating, survey.rating());
        if (!same) {
            throw new DomainProblems.Conflict("survey-already-exists", "Ticket " + survey.ticketId()
                    + " already has a survey" + (existing.imported ? ", imported with other times or rating." : "."));
        }
        return imported(existing, rating, false);
    }

    private Imported imported(SurveyInvitation invitation, Integer rating, boolean created) {
        return new Imported(invitation.id, invitation.ticketId, invitation.site,
                calendar.monthOf(invitation.referenceAt).toString(), invitation.issuedAt, invitation.answeredAt,
                rating, created);
    }
}
