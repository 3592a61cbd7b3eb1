package org.fieldsupport.logistics.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** The events of a return on logistics.events, keyed by ticket when there is one. */
public final class ReturnEvents {

    private ReturnEvents() {
    }

    /** An event about one return. */
    public interface ReturnEvent extends DomainEvent {
        UUID returnId();

        UUID ticketId();

        @Override
        default String recordKey() {
            return ticketId() != null ? ticketId().toString() : returnId().toString();
        }

        @Override
        default String eventType() {
            return "Return" + getClass().getSimpleName();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requested(int schemaVersion, UUID returnId, UUID ticketId, String site, List<String> assets,
            Collection collection, Instant occurredAt) implements ReturnEvent {
    }

    /** An asset and the condition it came back in. */
    public record AssetCondition(String asset, Condition condition) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Received(int schemaVersion, UUID returnId, UUID ticketId, String site, List<AssetCondition> assets,
            Instant occurredAt) implements ReturnEvent {
    }
}
