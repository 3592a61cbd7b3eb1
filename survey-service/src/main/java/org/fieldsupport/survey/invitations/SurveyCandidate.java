package org.fieldsupport.survey.invitations;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A ticket that may get a survey, once due; at most one per ticket. */
@Entity
@Table(name = "survey_candidate")
public class SurveyCandidate extends PanacheEntityBase {

    public static final String PENDING = "PENDING";

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(nullable = false)
    public String site;

    @Column(name = "trigger_type", nullable = false)
    public String triggerType;

    @Column(name = "triggered_at", nullable = false)
    public Instant triggeredAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** PENDING, ISSUED, IMPORTED (a survey of the past, see Invitations#recordImported), or SKIPPED_SAMPLING, SKIPPED_RECENTLY_INVITED, SKIPPED_TOO_LATE, SKIPPED_NO_EMPLOYEE. */
    @Column(nullable = false)
    public String status;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
