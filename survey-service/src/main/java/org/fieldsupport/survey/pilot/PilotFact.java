package org.fieldsupport.survey.pilot;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event of another service that the pilot's figures read, as it came. */
@Entity
@Table(name = "pilot_fact")
public class PilotFact extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String site;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String payload;
}
