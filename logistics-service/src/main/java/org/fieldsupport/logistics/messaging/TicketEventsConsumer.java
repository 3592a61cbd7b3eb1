package org.fieldsupport.logistics.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

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
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, TicketNotices.TYPES_READ, notices::apply);
    }
}
