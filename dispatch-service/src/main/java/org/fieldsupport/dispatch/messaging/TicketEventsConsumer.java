package org.fieldsupport.dispatch.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.dispatch.scheduling.TicketNotices;

/** Reads {@code ticket.events}: escalations to book, cancellations and remote resolutions to call off. */
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
