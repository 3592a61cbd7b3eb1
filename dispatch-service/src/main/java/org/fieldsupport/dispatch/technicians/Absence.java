package org.fieldsupport.dispatch.technicians;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Planned leave or sickness declared the same morning. */
@Entity
@Table(name = "absence")
public class Absence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "technician_id", nullable = false)
    public String technicianId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public String reason;

    /** An absence as read with a booking's agendas: not stored, only looked at. */
    public static Absence of(String technicianId, Instant startsAt, Instant endsAt) {
        Absence absence = new Absence();
        absence.technicianId = technicianId;
        absence.startsAt = startsAt;
        absence.endsAt = endsAt;
        return absence;
    }
}
