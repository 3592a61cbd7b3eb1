package org.fieldsupport.dispatch.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.hibernate.orm.panache.Panache;

import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.interventions.InterventionStatus;

/**
 * What a ticket's escalation must know before anything is booked: the ticket's live visit, if it has one (a redelivery
 * books nothing), and whether it was closed at or after the escalation (read late, it books nothing either). Both in
 * one statement: every escalation asks, and a round trip to the database is most of what each question costs.
 */
record TicketStanding(UUID liveVisit, boolean closedSince) {

    private static final String SQL = "select (select i.id from intervention i where i.ticket_id = :ticket"
            + " and i.status in (:scheduled, :started) limit 1) as live_visit,"
            + " exists (select 1 from ticket_closure c where c.ticket_id = :ticket and c.occurred_at >= :at)"
            + " as closed_since";

    static TicketStanding of(UUID ticketId, Instant requestedAt) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Panache.getEntityManager().createNativeQuery(SQL).unwrap(NativeQuery.class);
        List<Object[]> rows = query
                // Visits booked earlier in the transaction are written first; closures are written at once.
                .addSynchronizedEntityClass(Intervention.class)
                .addScalar("live_visit", StandardBasicTypes.UUID)
                .addScalar("closed_since", StandardBasicTypes.BOOLEAN)
                .setParameter("ticket", ticketId)
                .setParameter("scheduled", InterventionStatus.SCHEDULED.name())
                .setParameter("started", InterventionStatus.STARTED.name())
                .setParameter("at", requestedAt)
                .getResultList();
        Object[] row = rows.get(0);
        return new TicketStanding((UUID) row[0], (Boolean) row[1]);
    }
}
