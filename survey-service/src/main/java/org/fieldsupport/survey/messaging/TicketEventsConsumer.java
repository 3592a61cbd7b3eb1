package org.fieldsupport.survey.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.survey.pilot.PilotProjection;
import org.fieldsupport.survey.pilot.TicketOpened;

/** Reads {@code ticket.events} into the pilot's projections; event types it does not use are acknowledged. */
@ApplicationScoped
public class TicketEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PilotProjection projection;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, event -> {
            if (TicketOpened.TYPE.equals(event.type())) {
                projection.ticketOpened(event.dataAs(TicketOpened.class));
            }
        });
    }
}
