package org.fieldsupport.dispatch.technicians;

import java.time.Instant;
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

    /** The absences overlapping [from, to) of the technicians serving the site, in one query, by technician. */
    public static Map<String, List<Absence>> ofTechniciansServing(String site, Instant from, Instant to) {
        return Absence.<Absence> list("technicianId in (select t.id from Technician t"
                + " where array_contains(t.sites, ?1))"
                + " and startsAt < ?3 and endsAt > ?2", site, from, to)
                .stream().collect(Collectors.groupingBy(a -> a.technicianId));
    }
}
