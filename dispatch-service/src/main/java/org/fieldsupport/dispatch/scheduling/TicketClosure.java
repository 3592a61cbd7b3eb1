package org.fieldsupport.dispatch.scheduling;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The latest closure (cancellation, remote resolution) of each ticket, by business time, in the table
 * {@code ticket_closure}. Every ticket resolved remotely passes here, so each call is one statement on the
 * transaction's connection: no entity to look up first, and nothing for Hibernate to flush or dirty-check. The table
 * is written only here and read only by {@link TicketStanding}, so no managed entity can hold a stale copy.
 */
final class TicketClosure {

    private static final String RECORD = "insert into ticket_closure (ticket_id, reason, occurred_at) values (?, ?, ?) "
            + "on conflict (ticket_id) do update set reason = excluded.reason, occurred_at = excluded.occurred_at "
            + "where ticket_closure.occurred_at <= excluded.occurred_at";

    private TicketClosure() {
    }

    /** Keeps the closure unless the ticket already has a later one (closures read out of order). */
    static void record(UUID ticketId, String reason, Instant at) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
                insert.setObject(1, ticketId);
                insert.setString(2, reason);
                insert.setObject(3, at.atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}
