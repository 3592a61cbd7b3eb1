package org.fieldsupport.dispatch.technicians;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** The absences of several technicians overlapping [from, to), in one query, by technician. */
    public static Map<String, List<Absence>> overlapping(Collection<String> technicianIds, Instant from, Instant to) {
        if (technicianIds.isEmpty()) {
            return Map.of();
        }
        return Absence.<Absence> list("technicianId in ?1 and startsAt < ?3 and endsAt > ?2", technicianIds, from, to)
                .stream().collect(Collectors.groupingBy(a -> a.technicianId));
    }
}
