package org.fieldsupport.chassis.outbox;

import java.time.Instant;

/**
 * An event a domain change causes. Domain code returns these; it knows nothing of Kafka. The record itself is the
 * JSON payload; the three methods below become the CloudEvents envelope and the record key.
 */
public interface DomainEvent {

    /** The CloudEvents type: the past-tense event name, such as {@code TicketOpened}. */
    String eventType();

    /** The Kafka record key: the ticket id when the event concerns a ticket, else the aggregate's id. */
    String recordKey();

    /** The business time the event happened. */
    Instant occurredAt();
}
