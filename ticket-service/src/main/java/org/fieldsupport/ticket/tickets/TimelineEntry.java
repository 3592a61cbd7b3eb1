package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a ticket's history: who did what, and when (business time). */
@Entity
@Table(name = "ticket_timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String kind;

    public String detail;

    public static TimelineEntry of(UUID ticketId, Instant at, String actor, String kind, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.ticketId = ticketId;
        entry.at = at;
        entry.actor = actor;
        entry.kind = kind;
        entry.detail = detail;
        return entry;
    }

    public static List<TimelineEntry> of(UUID ticketId) {
        return list("ticketId = ?1 order by at, id", ticketId);
    }
}
