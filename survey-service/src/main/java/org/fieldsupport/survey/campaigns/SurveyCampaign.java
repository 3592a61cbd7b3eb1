package org.fieldsupport.survey.campaigns;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A complementary survey: its own questions, each rated 1 to 5, open from {@code opensAt} to {@code closesAt}. */
@Entity
@Table(name = "survey_campaign")
public class SurveyCampaign extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** One question per line. */
    @Column(nullable = false)
    public String questions;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> questionList() {
        return Arrays.asList(questions.split("\n"));
    }
}
