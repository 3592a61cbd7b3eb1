package org.fieldsupport.ticket.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.fieldsupport.ticket.lifecycle.EscalationKind;
import org.fieldsupport.ticket.lifecycle.Progress;
import org.fieldsupport.ticket.lifecycle.TicketStatus;
import org.fieldsupport.ticket.tickets.Category;
import org.fieldsupport.ticket.tickets.Ticket;
import org.fieldsupport.ticket.tickets.TicketResolved;

/** Reports never move a ticket backwards, whatever order they arrive in. */
class ApplyProgressTest {

    static final Instant OPENED = Instant.parse("2025-10-07T08:00:00Z");
    static final Progress BOOKED = new Progress(TicketStatus.APPOINTMENT_BOOKED, null, "APPOINTMENT_BOOKED", "");
    static final Progress FIXED = new Progress(TicketStatus.RESOLVED, "ON_SITE", "INTERVENTION_COMPLETED", "");

    @Test
    void reportsMoveAnEscalatedTicketUntilItIsResolved() {
        Ticket ticket = escalatedHardware();
        assertThat(ticket.applyProgress(BOOKED, OPENED.plusSeconds(60)).applied()).isTrue();
        assertThat(ticket.status).isEqualTo(TicketStatus.APPOINTMENT_BOOKED);
        Ticket.ProgressOutcome done = ticket.applyProgress(FIXED, OPENED.plusSeconds(3600));
        assertThat(done.event()).isInstanceOfSatisfying(TicketResolved.class, e -> {
            assertThat(e.remote()).isFalse();
            assertThat(e.resolution()).isEqualTo("ON_SITE");
        });
        assertThat(ticket.status).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void aLateScheduleDoesNotReopenAResolvedTicket() {
        Ticket ticket = escalatedHardware();
        ticket.applyProgress(FIXED, OPENED.plusSeconds(3600));
        Ticket.ProgressOutcome late = ticket.applyProgress(BOOKED, OPENED.plusSeconds(60));
        assertThat(late.applied()).isFalse();
        assertThat(late.whyNot()).contains("RESOLVED");
        assertThat(ticket.status).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void anOlderReportThanTheLastAppliedIsKeptForTheTimelineOnly() {
        Ticket ticket = escalatedHardware();
        ticket.applyProgress(new Progress(TicketStatus.AT_RISK, null, "AT_RISK", ""), OPENED.plusSeconds(600));
        Ticket.ProgressOutcome older = ticket.applyProgress(BOOKED, OPENED.plusSeconds(60));
        assertThat(older.applied()).isFalse();
        assertThat(older.whyNot()).contains("older");
        assertThat(ticket.status).isEqualTo(TicketStatus.AT_RISK);
    }

    @Test
    void aReportForATicketTheDeskStillHoldsIsNotApplied() {
        Ticket ticket = Ticket.open(UUID.randomUUID(), new Ticket.NewTicket("E-1", "NANCY", Category.HARDWARE, "x",
                null, null, null, null), OPENED).ticket();
        Ticket.ProgressOutcome outcome = ticket.applyProgress(BOOKED, OPENED.plusSeconds(60));
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.whyNot()).contains("from OPEN to APPOINTMENT_BOOKED");
    }

    private static Ticket escalatedHardware() {
        Ticket ticket = Ticket.open(UUID.randomUUID(), new Ticket.NewTicket("E-1", "NANCY", Category.HARDWARE, "x",
                null, null, null, null), OPENED).ticket();
        ticket.escalate(EscalationKind.ON_SITE, null, Set.of(), OPENED.plusSeconds(30));
        return ticket;
    }
}
