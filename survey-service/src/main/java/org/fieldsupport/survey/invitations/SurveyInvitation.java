package org.fieldsupport.survey.invitations;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A one-time survey link sent to one employee: for a ticket (INTERVENTION) or a campaign (CAMPAIGN). */
@Entity
@Table(name = "survey_invitation")
public class SurveyInvitation extends PanacheEntityBase {

    public static final String INTERVENTION = "INTERVENTION";
    public static final String CAMPAIGN = "CAMPAIGN";

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(nullable = false)
    public String kind;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(nullable = false)
    public String site;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    /** The business time of what the survey asks about: the intervention or delivery, or the campaign's opening. */
    @Column(name = "reference_at", nullable = false)
    public Instant referenceAt;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "reminder_due_at", nullable = false)
    public Instant reminderDueAt;

    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Imported from the past with its business times: no link was sent, no reminder is due. */
    @Column(nullable = false)
    public boolean imported;
}
