package org.fieldsupport.survey.answers;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.survey.campaigns.SurveyCampaign;
import org.fieldsupport.survey.invitations.SurveyInvitation;
import org.fieldsupport.survey.invitations.Tokens;
import org.fieldsupport.survey.pilot.PilotCalendar;

/** Opens a survey link and records its one answer. */
@ApplicationScoped
public class Answers {

    public static final int MAX_COMMENT = 2000;
    static final String INTERVENTION_QUESTION = "Dans l’ensemble, êtes-vous satisfait(e) de l’intervention ?";

    @Inject
    Outbox outbox;

    @Inject
    PilotCalendar calendar;

    /** A usable link: the questions to ask. */
    public record OpenSurvey(String kind, String title, List<String> questions, Instant expiresAt) {
    }

    @Transactional
    public OpenSurvey open(String token, Instant now) {
        SurveyInvitation invitation = usable(token, now, false);
        return new OpenSurvey(invitation.kind, titleOf(invitation), questionsOf(invitation), invitation.expiresAt);
    }

    /** Records the answer; the link is spent in the same transaction, so a second answer is refused. */
    @Transactional
    public SurveyAnswer answer(String token, List<Integer> ratings, String comment, Instant now) {
        SurveyInvitation invitation = usable(token, now, true);
        List<String> questions = questionsOf(invitation);
        if (ratings == null || ratings.size() != questions.size() || ratings.stream().anyMatch(r -> r == null)) {
            throw new SurveyRefused(SurveyRefused.Reason.INVALID_ANSWER,
                    questions.size() == 1 ? "Merci de choisir une note de 1 à 5."
                            : "Merci de choisir une note de 1 à 5 pour chacune des " + questions.size()
                                    + " questions.");
        }
        if (ratings.stream().anyMatch(r -> r < 1 || r > 5)) {
            throw new SurveyRefused(SurveyRefused.Reason.INVALID_ANSWER, "Une note va de 1 à 5.");
        }
        return record(invitation, ratings, comment, now);
    }

    /**
     * Records the answer to {@code invitation} given at {@code answeredAt} and its event. The caller has checked the
     * ratings against the questions; the comment is checked here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SurveyAnswer record(SurveyInvitation invitation, List<Integer> ratings, String comment,
            Instant answeredAt) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new SurveyRefused(SurveyRefused.Reason.INVALID_ANSWER,
                    "Le commentaire dépasse " + MAX_COMMENT + " caractères.");
        }
        SurveyAnswer answer = new SurveyAnswer();
        answer.invitationId = invitation.id;
        answer.kind = invitation.kind;
        answer.campaignId = invitation.campaignId;
        answer.site = invitation.site;
        answer.referenceMonth = calendar.monthOf(invitation.referenceAt).toString();
        answer.rating = ratings.get(0);
        answer.ratings = ratings.stream().map(String::valueOf).collect(Collectors.joining(","));
        answer.comment = text;
        answer.answeredAt = answeredAt;
        answer.persist();
        invitation.answeredAt = answeredAt;
        outbox.append(new SurveyAnswered(1, invitation.id, invitation.kind, invitation.ticketId,
                invitation.campaignId, invitation.site, answer.rating, List.copyOf(ratings), answer.rating >= 4,
                text != null, answeredAt));
        return answer;
    }

    private SurveyInvitation usable(String token, Instant now, boolean lock) {
        if (!Tokens.wellFormed(token)) {
            throw new SurveyRefused(SurveyRefused.Reason.UNKNOWN, "unknown link");
        }
        var query = SurveyInvitation.<SurveyInvitation> find("tokenHash", Tokens.hash(token));
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        SurveyInvitation invitation = query.firstResult();
        if (invitation == null) {
            throw new SurveyRefused(SurveyRefused.Reason.UNKNOWN, "unknown link");
        }
        if (invitation.answeredAt != null) {
            throw new SurveyRefused(SurveyRefused.Reason.ALREADY_ANSWERED, "already answered");
        }
        if (!now.isBefore(invitation.expiresAt)) {
            throw new SurveyRefused(SurveyRefused.Reason.EXPIRED, "expired");
        }
        if (invitation.campaignId != null) {
            SurveyCampaign campaign = SurveyCampaign.findById(invitation.campaignId);
            if (now.isBefore(campaign.opensAt)) {
                throw new SurveyRefused(SurveyRefused.Reason.NOT_OPEN_YET, "not open yet");
            }
        }
        return invitation;
    }

    private static List<String> questionsOf(SurveyInvitation invitation) {
        if (invitation.campaignId == null) {
            return List.of(INTERVENTION_QUESTION);
        }
        SurveyCampaign campaign = SurveyCampaign.findById(invitation.campaignId);
        return campaign.questionList();
    }

    private static String titleOf(SurveyInvitation invitation) {
        if (invitation.campaignId == null) {
            return "Votre avis sur l’intervention de l’assistance informatique";
        }
        SurveyCampaign campaign = SurveyCampaign.findById(invitation.campaignId);
        return campaign.name;
    }
}
