package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.ticket.escalation.EscalationRules;
import org.fieldsupport.ticket.lifecycle.EscalationKind;
import org.fieldsupport.ticket.lifecycle.Progress;
import org.fieldsupport.ticket.lifecycle.TicketLifecycle;
import org.fieldsupport.ticket.lifecycle.TicketStatus;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_kind")
    public EscalationKind escalationKind;

    @Column(nullable = false)
    public int escalations;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_remotely")
    public Boolean resolvedRemotely;

    public String resolution;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "last_progress_at")
    public Instant lastProgressAt;

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
        TicketOpened event = new TicketOpened(TicketEvent.SCHEMA_VERSION, id, ticket.siteCode, ticket.category,
                ticket.employeeId, ticket.accessory, ticket.roomId, List.copyOf(ticket.assetTags), at);
        return new Opening(ticket, event);
    }

    /** Hands the ticket on to dispatch or logistics, if the kind fits its category. */
    public TicketEscalated escalate(EscalationKind kind, LocalDate newHireStartDate, Set<String> knownAccessories,
            Instant at) {
        LocalDate start = newHireStartDate != null ? newHireStartDate : startDate;
        EscalationRules.check(new EscalationRules.TicketFacts(category, accessory, roomId, start != null), kind,
                knownAccessories);
        moveTo(TicketStatus.ESCALATED, "escalate", at);
        escalationKind = kind;
        startDate = start;
        escalations++;
        return new TicketEscalated(TicketEvent.SCHEMA_VERSION, id, siteCode, category, kind, employeeId, accessory,
                roomId, List.copyOf(assetTags), startDate, escalations, at);
    }

    /** The desk solved it remotely. */
    public TicketResolved resolveRemotely(Instant at) {
        return resolve(true, "REMOTE", at);
    }

    /** Dispatch or logistics finished the work ({@code resolution}: ON_SITE, DELIVERED, RETURNED, ALLOCATED...). */
    public TicketResolved resolveBy(String resolution, Instant at) {
        return resolve(false, resolution, at);
    }

    public TicketClosed close(boolean automatic, Instant at) {
        moveTo(TicketStatus.CLOSED, "close", at);
        endedAt = at;
        return new TicketClosed(TicketEvent.SCHEMA_VERSION, id, siteCode, automatic, at);
    }

    public TicketCancelled cancel(Instant at) {
        TicketStatus previous = status;
        moveTo(TicketStatus.CANCELLED, "cancel", at);
        endedAt = at;
        return new TicketCancelled(TicketEvent.SCHEMA_VERSION, id, siteCode, previous, at);
    }

    /** Brings a resolved ticket back, if it was resolved no earlier than {@code windowStart}. */
    public TicketReopened reopen(Instant windowStart, Instant at) {
        TicketLifecycle.check(status, TicketStatus.OPEN, "reopen");
        if (resolvedAt.isBefore(windowStart)) {
            throw new DomainProblems.Conflict("reopen-window-passed", "This ticket was resolved on " + resolvedAt
                    + ", before the reopen window; open a new ticket.");
        }
        moveTo(TicketStatus.OPEN, "reopen", at);
        resolvedAt = null;
        resolvedRemotely = null;
        resolution = null;
        return new TicketReopened(TicketEvent.SCHEMA_VERSION, id, siteCode, at);
    }

    /** What became of a progress report: applied (with the event it causes, if any), or why not. */
    public record ProgressOutcome(boolean applied, TicketEvent event, String whyNot) {
    }

    /**
     * Moves the ticket as dispatch or logistics report. A report never moves an ended ticket, nor one whose last
     * applied report is newer (events of two topics may cross), nor along a transition the state machine lacks:
     * such a report is kept for the timeline only.
     */
    public ProgressOutcome applyProgress(Progress progress, Instant occurredAt) {
        if (progress.target() == null) {
            return new ProgressOutcome(false, null, null);
        }
        if (!status.isOpen()) {
            return new ProgressOutcome(false, null, "received after the ticket was " + status);
        }
        if (lastProgressAt != null && occurredAt.isBefore(lastProgressAt)) {
            return new ProgressOutcome(false, null, "older than the last report applied");
        }
        if (!TicketLifecycle.allows(status, progress.target())) {
            return new ProgressOutcome(false, null, "no transition from " + status + " to " + progress.target());
        }
        lastProgressAt = occurredAt;
        if (progress.target() == TicketStatus.RESOLVED) {
            return new ProgressOutcome(true, resolveBy(progress.resolution(), occurredAt), null);
        }
        moveTo(progress.target(), "move", occurredAt);
        return new ProgressOutcome(true, null, null);
    }

    private TicketResolved resolve(boolean remote, String how, Instant at) {
        moveTo(TicketStatus.RESOLVED, remote ? "resolve remotely" : "resolve", at);
        resolvedAt = at;
        resolvedRemotely = remote;
        resolution = how;
        return new TicketResolved(TicketEvent.SCHEMA_VERSION, id, siteCode, category, remote, how, at);
    }

    private void moveTo(TicketStatus next, String action, Instant at) {
        TicketLifecycle.check(status, next, action);
        status = next;
        updatedAt = at;
    }
}
