package org.fieldsupport.ticket.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.ticket.progress.ProgressRules;
import org.fieldsupport.ticket.progress.TicketProgressTracker;

/** Reads {@code dispatch.events} and {@code logistics.events}; each event is applied once, in order per ticket. */
@ApplicationScoped
public class ProgressEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    TicketProgressTracker tracker;

    @Incoming("dispatch-events")
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> fromDispatch(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, ProgressRules.TYPES_READ, tracker::apply);
    }

    @Incoming("logistics-events")
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> fromLogistics(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, ProgressRules.TYPES_READ, tracker::apply);
    }
}
