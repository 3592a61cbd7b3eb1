package org.fieldsupport.ticket.tickets;

import java.util.UUID;

import org.fieldsupport.chassis.outbox.DomainEvent;

/** An event of one ticket: keyed by the ticket id, typed by its record's name. */
public interface TicketEvent extends DomainEvent {

    int SCHEMA_VERSION = 1;

    UUID ticketId();

    @Override
    default String recordKey() {
        return ticketId().toString();
    }

    @Override
    default String eventType() {
        return getClass().getSimpleName();
    }
}
