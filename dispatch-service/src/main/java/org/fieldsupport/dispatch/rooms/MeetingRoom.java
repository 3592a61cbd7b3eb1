package org.fieldsupport.dispatch.rooms;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A meeting room of a site, checked once a month while active. */
@Entity
@Table(name = "meeting_room")
@IdClass(MeetingRoom.Key.class)
public class MeetingRoom extends PanacheEntityBase {

    @Id
    @Column(name = "site_code")
    public String siteCode;

    @Id
    @Column(name = "room_id")
    public String roomId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static MeetingRoom find(String site, String roomId) {
        return findById(new Key(site, roomId));
    }

    public static List<MeetingRoom> ofSite(String site) {
        return list("siteCode = ?1 order by roomId", site);
    }

    /** The sites with at least one active room. */
    public static List<String> sitesWithActiveRooms() {
        return getEntityManager().createQuery(
                "select distinct r.siteCode from MeetingRoom r where r.active = true order by r.siteCode", String.class)
                .getResultList();
    }

    /** The primary key. */
    public static class Key implements Serializable {
        public String siteCode;
        public String roomId;

        public Key() {
        }

        public Key(String siteCode, String roomId) {
            this.siteCode = siteCode;
            this.roomId = roomId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && siteCode.equals(key.siteCode) && roomId.equals(key.roomId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteCode, roomId);
        }
    }
}
