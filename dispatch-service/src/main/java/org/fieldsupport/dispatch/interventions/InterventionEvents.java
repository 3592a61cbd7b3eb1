package org.fieldsupport.dispatch.interventions;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** The events of a visit, on dispatch.events; schemas in {@code contracts/schemas/}. Keyed by ticket when any. */
public final class InterventionEvents {

    private InterventionEvents() {
    }

    /** An event about one intervention. */
    public interface InterventionEvent extends DomainEvent {
        UUID interventionId();

        UUID ticketId();

        @Override
        default String recordKey() {
            return ticketId() != null ? ticketId().toString() : interventionId().toString();
        }

        @Override
        default String eventType() {
            return "Intervention" + getClass().getSimpleName();
        }
    }

    /** An appointment window. */
    public record Window(Instant start, Instant end) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scheduled(int schemaVersion, UUID interventionId, UUID ticketId, String site, InterventionKind kind,
            String technicianId, Window window, Instant deadline, boolean withinPromise, UUID returnId,
            String roomId, Instant occurredAt)
            implements InterventionEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rescheduled(int schemaVersion, UUID interventionId, UUID ticketId, String site,
            String technicianId, Window window, Instant deadline, boolean withinPromise, String reason,
            Instant occurredAt) implements InterventionEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AtRisk(int schemaVersion, UUID interventionId, UUID ticketId, String site, Instant deadline,
            Window expectedWindow, String reason, Instant occurredAt) implements InterventionEvent {
    }

    public record Started(int schemaVersion, UUID interventionId, UUID ticketId, String site, String technicianId,
            Instant occurredAt) implements InterventionEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Completed(int schemaVersion, UUID interventionId, UUID ticketId, String site, InterventionKind kind,
            String technicianId, Outcome outcome, boolean withinPromise, Double travelKm, String travelKmSource,
            Double co2eKg, UUID returnId, Instant occurredAt) implements InterventionEvent {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancelled(int schemaVersion, UUID interventionId, UUID ticketId, String site, String technicianId,
            String reason, Instant occurredAt) implements InterventionEvent {
    }
}
