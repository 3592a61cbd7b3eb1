package org.fieldsupport.survey.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.fieldsupport.chassis.inbox.Inbox;
import org.fieldsupport.survey.pilot.PilotFacts;

/**
 * Reads the three topics survey-service follows into the pilot's facts (which also make survey candidates); event
 * types it does not use are acknowledged.
 */
@ApplicationScoped
public class PlatformEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PilotFacts facts;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    public void consumeTickets(ConsumerRecord<String, String> record) {
        inbox.process(record, PilotFacts.TYPES_READ, event -> facts.record(record.topic(), event));
    }

    @Incoming("dispatch-events")
    @Blocking(ordered = true)
    public void consumeDispatch(ConsumerRecord<String, String> record) {
        inbox.process(record, PilotFacts.TYPES_READ, event -> facts.record(record.topic(), event));
    }

    @Incoming("logistics-events")
    @Blocking(ordered = true)
    public void consumeLogistics(ConsumerRecord<String, String> record) {
        inbox.process(record, PilotFacts.TYPES_READ, event -> facts.record(record.topic(), event));
    }
}
