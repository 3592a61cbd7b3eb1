package org.fieldsupport.survey.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

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
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> consumeTickets(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, PilotFacts.TYPES_READ, event -> facts.record(event.topic(), event));
    }

    @Incoming("dispatch-events")
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> consumeDispatch(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, PilotFacts.TYPES_READ, event -> facts.record(event.topic(), event));
    }

    @Incoming("logistics-events")
    @Blocking(value = Inbox.WORKERS, ordered = true)
    public CompletionStage<Void> consumeLogistics(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, PilotFacts.TYPES_READ, event -> facts.record(event.topic(), event));
    }
}
