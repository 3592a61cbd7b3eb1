package org.fieldsupport.logistics.allocations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** The kit is ready at the site for the start date; keyed by ticket when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocationPrepared(int schemaVersion, UUID allocationId, UUID ticketId, String site,
        LocalDate startDate, List<String> assets, Instant occurredAt) implements DomainEvent {

    @Override
    public String eventType() {
        return "AllocationPrepared";
    }

    @Override
    public String recordKey() {
        return ticketId != null ? ticketId.toString() : allocationId.toString();
    }
}
