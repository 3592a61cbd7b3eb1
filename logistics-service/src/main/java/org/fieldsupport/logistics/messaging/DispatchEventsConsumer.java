package org.fieldsupport.logistics.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.logistics.escalations.DispatchNotices;

/** Reads {@code dispatch.events}: completed collection visits. */
@ApplicationScoped
public class DispatchEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    DispatchNotices notices;

    @Incoming("dispatch-events")
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, DispatchNotices.TYPES_READ, notices::apply);
    }
}
