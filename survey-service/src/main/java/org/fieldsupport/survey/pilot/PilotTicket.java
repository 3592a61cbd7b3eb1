package org.fieldsupport.survey.pilot;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A ticket as the pilot's projections count it. */
@Entity
@Table(name = "pilot_ticket")
public class PilotTicket extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(nullable = false)
    public String site;

    @Column(nullable = false)
    public String category;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_month", nullable = false)
    public String openedMonth;

    /** Pseudonymous: whom the ticket's survey invitation goes to. */
    @Column(name = "employee_id")
    public String employeeId;
}
