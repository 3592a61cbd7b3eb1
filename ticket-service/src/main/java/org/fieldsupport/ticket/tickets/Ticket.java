package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A desk ticket. State changes happen through the methods below, each returning the event it causes. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(nullable = false)
    public String summary;

    public String details;

    public String accessory;

    @Column(name = "room_id")
    public String roomId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "asset_tags", nullable = false)
    public List<String> assetTags = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What the desk gives when it opens a ticket, already checked against the reference data. */
    public record NewTicket(String employeeId, String site, Category category, String summary, String details,
            String accessory, String roomId, List<String> assetTags) {
    }

    /** The new ticket and the event its opening causes. */
    public record Opening(Ticket ticket, TicketOpened event) {
    }

    public static Opening open(UUID id, NewTicket request, Instant at) {
        Ticket ticket = new Ticket();
        ticket.id = id;
        ticket.employeeId = request.employeeId();
        ticket.siteCode = request.site();
        ticket.category = request.category();
        ticket.summary = request.summary();
        ticket.details = request.details();
        ticket.accessory = request.accessory();
        ticket.roomId = request.roomId();
        ticket.assetTags = request.assetTags() == null ? new ArrayList<>() : new ArrayList<>(request.assetTags());
        ticket.status = TicketStatus.OPEN;
        ticket.openedAt = at;
        ticket.updatedAt = at;
        TicketOpened event = new TicketOpened(TicketOpened.SCHEMA_VERSION, id, ticket.siteCode, ticket.category,
                ticket.employeeId, ticket.accessory, ticket.roomId, List.copyOf(ticket.assetTags), at);
        return new Opening(ticket, event);
    }
}
