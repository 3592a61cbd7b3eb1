package org.fieldsupport.ticket.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldsupport.ticket.lifecycle.TicketStatus.*;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.problem.DomainProblems;

class TicketLifecycleTest {

    @Test
    void theDeskResolvesOrEscalatesAnOpenTicket() {
        assertThat(TicketLifecycle.allows(OPEN, RESOLVED)).isTrue();
        assertThat(TicketLifecycle.allows(OPEN, ESCALATED)).isTrue();
        assertThat(TicketLifecycle.allows(OPEN, APPOINTMENT_BOOKED)).isFalse();
        assertThat(TicketLifecycle.allows(OPEN, CLOSED)).isFalse();
    }

    @Test
    void anEscalatedTicketIsNotEscalatedAgainUntilItNeedsAttention() {
        for (TicketStatus status : EnumSet.of(ESCALATED, APPOINTMENT_BOOKED, AT_RISK, SHIPPED, AWAITING_RETURN)) {
            assertThat(TicketLifecycle.allows(status, ESCALATED)).as(status.name()).isFalse();
        }
        assertThat(TicketLifecycle.allows(NEEDS_ATTENTION, ESCALATED)).isTrue();
    }

    @Test
    void progressReportsMoveAnEscalatedTicketAlong() {
        assertThat(TicketLifecycle.allows(ESCALATED, APPOINTMENT_BOOKED)).isTrue();
        assertThat(TicketLifecycle.allows(APPOINTMENT_BOOKED, AT_RISK)).isTrue();
        assertThat(TicketLifecycle.allows(AT_RISK, APPOINTMENT_BOOKED)).isTrue();
        assertThat(TicketLifecycle.allows(SHIPPED, NEEDS_ATTENTION)).isTrue();
        assertThat(TicketLifecycle.allows(TECHNICIAN_ON_SITE, RESOLVED)).isTrue();
    }

    @Test
    void everyOpenStatusCanBeCancelledAndNoEndedOne() {
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(TicketLifecycle.allows(status, CANCELLED)).as(status.name()).isEqualTo(status.isOpen());
        }
    }

    @Test
    void aResolvedTicketClosesOrReopensAndAClosedOneStaysClosed() {
        assertThat(TicketLifecycle.allows(RESOLVED, CLOSED)).isTrue();
        assertThat(TicketLifecycle.allows(RESOLVED, OPEN)).isTrue();
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(TicketLifecycle.allows(CLOSED, status)).isFalse();
            assertThat(TicketLifecycle.allows(CANCELLED, status)).isFalse();
        }
    }

    @Test
    void anIllegalTransitionSaysFromWhichStatusToWhich() {
        assertThatThrownBy(() -> TicketLifecycle.check(OPEN, CLOSED, "close"))
                .isInstanceOf(DomainProblems.Conflict.class)
                .hasMessageContaining("from OPEN to CLOSED");
    }
}
