package org.fieldsupport.logistics.catalogue;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** A stock level fell to its low-stock threshold: time to replenish. Keyed by location. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockLow(int schemaVersion, String locationId, LocationKind locationKind, String site,
        String itemCode, int available, int threshold, Instant occurredAt) implements DomainEvent {

    @Override
    public String eventType() {
        return "StockLow";
    }

    @Override
    public String recordKey() {
        return locationId;
    }
}
