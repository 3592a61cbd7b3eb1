package org.fieldsupport.logistics.allocations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A new hire's kit, prepared at the site for the start date (the unchanged process). */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public Integer escalation;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(nullable = false)
    public String site;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AllocationStatus status;

    /** Comma-separated asset tags of the prepared kit. */
    public String assets;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "prepared_at")
    public Instant preparedAt;

    @Version
    public long version;
}
