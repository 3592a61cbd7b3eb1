package org.fieldsupport.dispatch.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

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
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, LogisticsNotices.TYPES_READ, notices::apply);
    }
}
