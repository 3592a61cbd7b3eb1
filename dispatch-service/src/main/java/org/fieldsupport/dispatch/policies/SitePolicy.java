package org.fieldsupport.dispatch.policies;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

import org.fieldsupport.chassis.time.BusinessCalendar;

/** A site's support policy from {@code effectiveFrom} on, until a later version takes over. */
@Entity
@Table(name = "site_policy")
@IdClass(SitePolicy.Key.class)
public class SitePolicy extends PanacheEntityBase {

    /** What a site code looks like (DESIGN §8: STRASBOURG, NANCY, DIJON, more as data). */
    public static final String SITE_CODE = "[A-Z][A-Z0-9_]{1,39}";

    @Id
    @Column(name = "site_code")
    public String siteCode;

    @Id
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupportMode mode;

    @Column(name = "holiday_region", nullable = false)
    public String holidayRegion;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "morning_start", nullable = false)
    public LocalTime morningStart;

    @Column(name = "morning_end", nullable = false)
    public LocalTime morningEnd;

    @Column(name = "afternoon_start", nullable = false)
    public LocalTime afternoonStart;

    @Column(name = "afternoon_end", nullable = false)
    public LocalTime afternoonEnd;

    @Column(name = "on_site_minutes", nullable = false)
    public int onSiteMinutes;

    @Column(name = "meeting_room_minutes", nullable = false)
    public int meetingRoomMinutes;

    @Column(name = "collection_minutes", nullable = false)
    public int collectionMinutes;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The policy in force at a site at an instant (by the site's own date), or null when it has none yet. */
    public static SitePolicy inForce(String siteCode, Instant at) {
        return inForceAmong(versions(siteCode), at);
    }

    /** Every version of a site's policy, the latest first. */
    public static List<SitePolicy> versions(String siteCode) {
        return list("siteCode = ?1 order by effectiveFrom desc", siteCode);
    }

    /** Of a site's {@link #versions}, the one in force at an instant (by the site's own date), or null. */
    public static SitePolicy inForceAmong(List<SitePolicy> versions, Instant at) {
        return versions.stream()
                .filter(p -> !p.effectiveFrom.isAfter(at.atZone(ZoneId.of(p.timeZone)).toLocalDate()))
                .findFirst().orElse(null);
    }

    public BusinessCalendar calendar() {
        return BusinessCalendar.of(holidayRegion, ZoneId.of(timeZone));
    }

    public SiteHours hours() {
        return new SiteHours(calendar(), morningStart, morningEnd, afternoonStart, afternoonEnd);
    }

    /** Composite identifier. */
    public static class Key implements Serializable {
        public String siteCode;
        public LocalDate effectiveFrom;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.siteCode, siteCode)
                    && Objects.equals(k.effectiveFrom, effectiveFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteCode, effectiveFrom);
        }
    }
}
