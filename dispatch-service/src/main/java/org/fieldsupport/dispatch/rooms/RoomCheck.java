package org.fieldsupport.dispatch.rooms;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A room's check for one month: the visit planned for it, then what the technician found. */
@Entity
@Table(name = "room_check")
public class RoomCheck extends PanacheEntityBase {

    /** What a check found. */
    public enum Result {
        OK, FAULT
    }

    @Id
    public UUID id;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "room_id", nullable = false)
    public String roomId;

    /** YYYY-MM. */
    @Column(nullable = false)
    public String month;

    @Column(name = "intervention_id", nullable = false)
    public UUID interventionId;

    @Enumerated(EnumType.STRING)
    public Result result;

    public String fault;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @Version
    public long version;

    public static List<RoomCheck> ofSiteMonth(String site, YearMonth month) {
        return list("siteCode = ?1 and month = ?2", site, month.toString());
    }

    public static RoomCheck forIntervention(UUID interventionId) {
        return find("interventionId", interventionId).firstResult();
    }
}
