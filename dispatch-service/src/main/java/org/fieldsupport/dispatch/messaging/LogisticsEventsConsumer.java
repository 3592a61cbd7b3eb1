package org.fieldsupport.dispatch.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.dispatch.scheduling.LogisticsNotices;

/** Reads {@code logistics.events}: returns whose assets a technician collects. */
@ApplicationScoped
public class LogisticsEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    LogisticsNotices notices;

    @Incoming("logistics-events")
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, LogisticsNotices.TYPES_READ, notices::apply);
    }
}
