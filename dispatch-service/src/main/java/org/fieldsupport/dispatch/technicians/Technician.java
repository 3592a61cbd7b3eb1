package org.fieldsupport.dispatch.technicians;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.fieldsupport.dispatch.policies.HalfDay;

/** A technician of a regional field team. */
@Entity
@Table(name = "technician")
public class Technician extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String team;

    @Column(name = "base_latitude", nullable = false)
    public double baseLatitude;

    @Column(name = "base_longitude", nullable = false)
    public double baseLongitude;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sites = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> skills = new ArrayList<>();

    /** The site where this technician is the on-site technician (OSS), or null for a roving technician. */
    @Column(name = "oss_site")
    public String ossSite;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @SuppressWarnings("unchecked")
    public static List<Technician> serving(String site) {
        return getEntityManager().createNativeQuery(
                "select * from technician where :site = any(sites) order by id", Technician.class)
                .setParameter("site", site)
                .getResultList();
    }

    /** Present on site in that half-day per the rota, and not absent. */
    public boolean presentOnSite(LocalDate day, HalfDay half, List<RotaDay> rota, List<Absence> absences,
            org.fieldsupport.dispatch.policies.SiteHours hours) {
        DayOfWeek weekday = day.getDayOfWeek();
        boolean onRota = rota.stream().anyMatch(r -> r.dayOfWeek == weekday.getValue() && r.presence.covers(half));
        if (!onRota) {
            return false;
        }
        Instant start = hours.start(day, half);
        Instant end = hours.end(day, half);
        return absences.stream().noneMatch(a -> a.startsAt.isBefore(end) && a.endsAt.isAfter(start));
    }
}
