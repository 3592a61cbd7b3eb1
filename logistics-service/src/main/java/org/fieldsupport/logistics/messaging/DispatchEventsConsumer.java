package org.fieldsupport.logistics.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

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
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, DispatchNotices.TYPES_READ, notices::apply);
    }
}
