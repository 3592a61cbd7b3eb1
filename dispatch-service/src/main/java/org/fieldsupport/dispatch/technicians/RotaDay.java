package org.fieldsupport.dispatch.technicians;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The on-site technician's presence on one weekday. */
@Entity
@Table(name = "rota_day")
@IdClass(RotaDay.Key.class)
public class RotaDay extends PanacheEntityBase {

    @Id
    @Column(name = "technician_id")
    public String technicianId;

    @Id
    @Column(name = "day_of_week")
    public int dayOfWeek;

    @Enumerated(EnumType.STRING)
    @Column(name = "half_day", nullable = false)
    public Presence presence;

    public static List<RotaDay> of(String technicianId) {
        return list("technicianId = ?1 order by dayOfWeek", technicianId);
    }

    /** Composite identifier. */
    public static class Key implements Serializable {
        public String technicianId;
        public int dayOfWeek;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.technicianId, technicianId) && k.dayOfWeek == dayOfWeek;
        }

        @Override
        public int hashCode() {
            return Objects.hash(technicianId, dayOfWeek);
        }
    }
}
