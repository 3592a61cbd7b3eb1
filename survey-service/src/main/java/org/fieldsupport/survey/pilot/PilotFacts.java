package org.fieldsupport.survey.pilot;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fieldsupport.chassis.inbox.IncomingEvent;
import org.fieldsupport.chassis.inbox.PoisonMessageException;
import org.fieldsupport.survey.invitations.Invitations;

/**
 * Records the events the pilot reads, once each (the inbox drops redeliveries; the fact's key is the ce_id too), and
 * passes completed interventions and deliveries on to the invitations. Other event types are acknowledged unread.
 */
@ApplicationScoped
public class PilotFacts {

    /** The events read per topic, and the fields each needs besides site and occurredAt. */
    static final Map<String, Set<String>> READ = Map.ofEntries(
            Map.entry("TicketOpened", Set.of("ticketId")), Map.entry("TicketEscalated", Set.of("ticketId", "kind")),
            Map.entry("TicketResolved", Set.of("ticketId", "remote")), Map.entry("TicketReopened", Set.of("ticketId")),
            Map.entry("TicketClosed", Set.of("ticketId")), Map.entry("TicketCancelled", Set.of("ticketId")),
            Map.entry("InterventionScheduled", Set.of("interventionId")),
            Map.entry("InterventionRescheduled", Set.of("interventionId")),
            Map.entry("InterventionAtRisk", Set.of()), Map.entry("InterventionStarted", Set.of("interventionId")),
            Map.entry("InterventionCompleted", Set.of("interventionId", "kind")),
            Map.entry("InterventionCancelled", Set.of("interventionId")), Map.entry("RoomCheckCompleted", Set.of()),
            Map.entry("ShipmentDispatched", Set.of("shipmentId")), Map.entry("ShipmentDelivered", Set.of("shipmentId")),
            Map.entry("ShipmentFailed", Set.of("shipmentId")), Map.entry("ReturnRequested", Set.of()),
            Map.entry("ReturnReceived", Set.of()), Map.entry("AllocationPrepared", Set.of()),
            Map.entry("LockerDeposited", Set.of()), Map.entry("LockerCollected", Set.of()));

    /** The event types the pilot reads; the inbox acknowledges the others unread. */
    public static final Set<String> TYPES_READ = READ.keySet();

    @Inject
    PilotProjection projection;

    @Inject
    Invitations invitations;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String topic, IncomingEvent incoming) {
        Set<String> required = READ.get(incoming.type());
        if (required == null) {
            return;
        }
        if (TicketOpened.TYPE.equals(incoming.type())) {
            projection.ticketOpened(incoming.dataAs(TicketOpened.class));
        }
        PilotEvent event = incoming.dataAs(PilotEvent.class).withType(incoming.type());
        if (event.site() == null || event.occurredAt() == null) {
            throw new PoisonMessageException(incoming.type() + " without site or occurredAt");
        }
        for (String field : required) {
            if (!incoming.data().hasNonNull(field)) {
                throw new PoisonMessageException(incoming.type() + " without " + field);
            }
        }
        PilotFact fact = new PilotFact();
        fact.eventId = incoming.id();
        fact.eventType = incoming.type();
        fact.topic = topic;
        fact.site = event.site();
        fact.ticketId = event.ticketId();
        fact.subjectId = event.subjectId();
        fact.occurredAt = event.occurredAt();
        fact.payload = incoming.data().toString();
        fact.persist();

        if ("InterventionCompleted".equals(event.type())) {
            invitations.interventionCompleted(event.ticketId(), event.site(), event.kind(), event.outcome(),
                    event.occurredAt());
        } else if ("ShipmentDelivered".equals(event.type())) {
            invitations.accessoryDelivered(event.ticketId(), event.site(), event.occurredAt());
        }
    }

    /**
     * The recorded events of a site, in business-time order. Read as plain rows, not as entities: the persistence
     * context would otherwise keep every fact and a copy of its state until the transaction ends.
     */
    public List<PilotEvent> of(String site) {
        return PilotFact.find("site = ?1 order by occurredAt, eventId", site).project(StoredFact.class).list().stream()
                .map(this::read).toList();
    }

    /** What a figure needs of a recorded fact. */
    public record StoredFact(String eventId, String eventType, String payload) {
    }

    private PilotEvent read(StoredFact fact) {
        try {
            return json.readValue(fact.payload(), PilotEvent.class).withType(fact.eventType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recorded fact " + fact.eventId() + " is unreadable", e);
        }
    }
}
