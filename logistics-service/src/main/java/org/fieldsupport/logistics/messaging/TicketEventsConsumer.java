package org.fieldsupport.logistics.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.logistics.escalations.TicketNotices;

/** Reads {@code ticket.events}: escalations to ship, return or allocate for. */
@ApplicationScoped
public class TicketEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    TicketNotices notices;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, TicketNotices.TYPES_READ, notices::apply);
    }
}
