package org.fieldsupport.survey.invitations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.survey.pilot.PilotTicket;

/**
 * Who gets a survey and when. A completed intervention (or a delivered accessory) makes its ticket a candidate, once
 * per ticket, due after the configured delay; {@link #issueDue} then issues the due invitations with their one-time
 * link, skipping an employee already invited within the quiet period. All times are business times: the
 * intervention's, and the {@code now} the caller passes (the scheduler reads the injected clock; a test drives it).
 */
@ApplicationScoped
public class Invitations {

    static final int BATCH = 200;
    public static final String IMPORTED = "IMPORTED";
    /** Replicas run the scheduler side by side: each takes rows the others have not locked. */
    static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";
    static final int SKIP_LOCKED = -2;

    @Inject
    SurveyConfig config;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void interventionCompleted(UUID ticketId, String site, String kind, String outcome, Instant completedAt) {
        SurveyConfig.Invitation rules = config.invitation();
        if (ticketId == null || !rules.afterInterventionKinds().contains(kind)
                || (outcome != null && rules.skippedOutcomes().contains(outcome))) {
            return;
        }
        candidate(ticketId, site, "InterventionCompleted", completedAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accessoryDelivered(UUID ticketId, String site, Instant deliveredAt) {
        if (ticketId == null || !config.invitation().afterDeliveredAccessory()) {
            return;
        }
        candidate(ticketId, site, "ShipmentDelivered", deliveredAt);
    }

    private void candidate(UUID ticketId, String site, String trigger, Instant at) {
        if (SurveyCandidate.findById(ticketId) != null) {
            return;
        }
        SurveyConfig.Invitation rules = config.invitation();
        SurveyCandidate candidate = new SurveyCandidate();
        candidate.ticketId = ticketId;
        candidate.site = site;
        candidate.triggerType = trigger;
        candidate.triggeredAt = at;
        candidate.dueAt = at.plus(rules.delay());
        candidate.status = Sampling.selected(ticketId, rules.samplingRate(), rules.samplingSeed())
                ? SurveyCandidate.PENDING
                : "SKIPPED_SAMPLING";
        candidate.persist();
    }

    /**
     * Issues the invitations due at {@code now}, oldest first, and returns how many were issued. A candidate whose
     * ticket's employee is not known yet (its TicketOpened not read yet) waits for the next run.
     */
    @Transactional
    public int issueDue(Instant now) {
        SurveyConfig.Invitation rules = config.invitation();
        List<SurveyCandidate> due = SurveyCandidate
                .<SurveyCandidate> find("status = ?1 and dueAt <= ?2 order by triggeredAt, ticketId",
                        SurveyCandidate.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(LOCK_TIMEOUT, SKIP_LOCKED)
                .page(0, BATCH).list();
        int issued = 0;
        for (SurveyCandidate candidate : due) {
            if (now.isAfter(candidate.dueAt.plus(rules.expiry()))) {
                decide(candidate, "SKIPPED_TOO_LATE", now);
                continue;
            }
            PilotTicket ticket = PilotTicket.findById(candidate.ticketId);
            if (ticket == null || ticket.employeeId == null) {
                continue;
            }
            long recent = SurveyInvitation.count("employeeId = ?1 and kind = ?2 and referenceAt > ?3 and referenceAt < ?4",
                    ticket.employeeId, SurveyInvitation.INTERVENTION,
                    candidate.triggeredAt.minus(rules.quietPeriod()), candidate.triggeredAt.plus(rules.quietPeriod()));
            if (recent > 0) {
                decide(candidate, "SKIPPED_RECENTLY_INVITED", now);
                continue;
            }
            issue(SurveyInvitation.INTERVENTION, candidate.ticketId, null, candidate.site, ticket.employeeId,
                    candidate.triggeredAt, now, now.plus(rules.expiry()), now.plus(rules.reminderAfter()));
            decide(candidate, "ISSUED", now);
            issued++;
        }
        return issued;
    }

    /** Creates an invitation and its event; the raw token leaves survey-service only inside that event's link. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SurveyInvitation issue(String kind, UUID ticketId, UUID campaignId, String site, String employeeId,
            Instant referenceAt, Instant now, Instant expiresAt, Instant reminderDueAt) {
        String token = Tokens.newToken();
        SurveyInvitation invitation = invitation(kind, ticketId, campaignId, site, employeeId, referenceAt, now,
                expiresAt, reminderDueAt, token);
        invitation.persist();
        outbox.append(new SurveyInvitationIssued(1, invitation.id, kind, ticketId, campaignId, site, employeeId,
                surveyUrl(token), expiresAt, now));
        return invitation;
    }

    /**
     * Records the invitation an earlier system sent, at its business time, for a ticket this platform knows as a
     * candidate: no link is made (its token is thrown away), no event is published and no reminder will be due, but
     * it counts in the pilot's figures like any other. The candidate is then decided as {@code IMPORTED}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SurveyInvitation recordImported(SurveyCandidate candidate, String employeeId, Instant invitedAt,
            Instant now) {
        SurveyConfig.Invitation rules = config.invitation();
        SurveyInvitation invitation = invitation(SurveyInvitation.INTERVENTION, candidate.ticketId, null,
                candidate.site, employeeId, candidate.triggeredAt, invitedAt, invitedAt.plus(rules.expiry()),
                invitedAt.plus(rules.reminderAfter()), Tokens.newToken());
        invitation.imported = true;
        invitation.persist();
        decide(candidate, IMPORTED, now);
        return invitation;
    }

    private static SurveyInvitation invitation(String kind, UUID ticketId, UUID campaignId, String site,
            String employeeId, Instant referenceAt, Instant issuedAt, Instant expiresAt, Instant reminderDueAt,
            String token) {
        SurveyInvitation invitation = new SurveyInvitation();
        invitation.id = UUID.randomUUID();
        invitation.tokenHash = Tokens.hash(token);
        invitation.kind = kind;
        invitation.ticketId = ticketId;
        invitation.campaignId = campaignId;
        invitation.site = site;
        invitation.employeeId = employeeId;
        invitation.referenceAt = referenceAt;
        invitation.issuedAt = issuedAt;
        invitation.expiresAt = expiresAt;
        invitation.reminderDueAt = reminderDueAt;
        return invitation;
    }

    /** Sends the one reminder of each unanswered, unexpired invitation whose reminder is due at {@code now}. */
    @Transactional
    public int sendReminders(Instant now) {
        List<SurveyInvitation> due = SurveyInvitation.<SurveyInvitation> find(
                "remindedAt is null and answeredAt is null and imported = false and reminderDueAt <= ?1 and expiresAt > ?1 "
                        + "order by reminderDueAt",
                now).withLock(LockModeType.PESSIMISTIC_WRITE).withHint(LOCK_TIMEOUT, SKIP_LOCKED)
                .page(0, BATCH).list();
        for (SurveyInvitation invitation : due) {
            invitation.remindedAt = now;
            outbox.append(new SurveyReminderDue(1, invitation.id, invitation.kind, invitation.ticketId,
                    invitation.campaignId, invitation.site, invitation.employeeId, invitation.expiresAt, now));
        }
        return due.size();
    }

    private String surveyUrl(String token) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/surveys/" + token;
    }

    private static void decide(SurveyCandidate candidate, String status, Instant now) {
        candidate.status = status;
        candidate.decidedAt = now;
    }
}
