package org.fieldsupport.survey.answers;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What an employee answered; who answered stays with the invitation, which pilot managers never see. */
@Entity
@Table(name = "survey_answer")
public class SurveyAnswer extends PanacheEntityBase {

    @Id
    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(nullable = false)
    public String site;

    /** The month (Europe/Paris) of the invitation's reference time: the month the answer is counted in. */
    @Column(name = "reference_month", nullable = false)
    public String referenceMonth;

    /** The first question's rating: for a per-intervention survey, the only one. */
    @Column(nullable = false)
    public int rating;

    /** Every question's rating, in question order, comma-separated. */
    @Column(nullable = false)
    public String ratings;

    public String comment;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    public List<Integer> ratingList() {
        return Arrays.stream(ratings.split(",")).map(Integer::valueOf).toList();
    }
}
