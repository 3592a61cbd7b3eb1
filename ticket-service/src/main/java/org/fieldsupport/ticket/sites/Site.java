package org.fieldsupport.ticket.sites;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.fieldsupport.chassis.time.BusinessCalendar;

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

    @Column(name = "holiday_region", nullable = false)
    public String holidayRegion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The site's business days: weekends and its region's public holidays off. */
    public BusinessCalendar calendar() {
        return BusinessCalendar.of(holidayRegion, java.time.ZoneId.of(timeZone));
    }
}
