package org.fieldsupport.ticket.sites;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A site the desk opens tickets for (reference data). */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
