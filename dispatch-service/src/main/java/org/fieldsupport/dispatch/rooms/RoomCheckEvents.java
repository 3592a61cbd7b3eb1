package org.fieldsupport.dispatch.rooms;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** The events of the monthly room checks, on dispatch.events; schemas in {@code contracts/schemas/}. */
public final class RoomCheckEvents {

    private RoomCheckEvents() {
    }

    /** Keyed by the check's visit: no ticket is involved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoomCheckCompleted(int schemaVersion, UUID interventionId, String site, String roomId, String month,
            String technicianId, RoomCheck.Result result, String fault, Instant occurredAt) implements DomainEvent {

        @Override
        public String eventType() {
            return "RoomCheckCompleted";
        }

        @Override
        public String recordKey() {
            return interventionId.toString();
        }
    }
}
