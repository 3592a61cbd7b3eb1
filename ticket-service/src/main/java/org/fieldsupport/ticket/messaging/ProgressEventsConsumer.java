package org.fieldsupport.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

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
    @Blocking(ordered = true)
    public void fromDispatch(ConsumerRecord<String, String> record) {
        inbox.process(record, ProgressRules.TYPES_READ, tracker::apply);
    }

    @Incoming("logistics-events")
    @Blocking(ordered = true)
    public void fromLogistics(ConsumerRecord<String, String> record) {
        inbox.process(record, ProgressRules.TYPES_READ, tracker::apply);
    }
}
