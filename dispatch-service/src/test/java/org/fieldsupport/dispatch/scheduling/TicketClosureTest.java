package org.fieldsupport.dispatch.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldsupport.dispatch.DispatchFixtures.policy;
import static org.fieldsupport.dispatch.DispatchFixtures.technician;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.testing.PlatformTestResource;

/**
 * A ticket's closure (cancelled, resolved remotely) stops the escalations made before it, read late (a replay, a
 * redelivery out of order), from booking a visit; a reopened ticket escalated after it books as usual.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class TicketClosureTest {

    private static final String SITE = "SELESTAT";
    private static final Instant MONDAY_NINE = Instant.parse("2025-12-08T08:00:00Z");

    @Inject
    Booking booking;

    @BeforeEach
    void aSiteWithATechnician() {
        policy(SITE, "ROVING", "FR-67", 48.2594, 7.4542);
        technician("T-TC-SEL", "{\"name\": \"Roving, Selestat\", \"team\": \"GRAND_EST\", \"baseLatitude\": 48.26, "
                + "\"baseLongitude\": 7.45, \"sites\": [\"" + SITE + "\"]}");
    }

    @Test
    void anEscalationMadeBeforeTheClosureBooksNothingAndOneMadeAfterBooks() {
        UUID ticket = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> booking.callOff(ticket, "RESOLVED_REMOTELY", MONDAY_NINE));

        assertThat(book(ticket, MONDAY_NINE.minusSeconds(3600))).isEmpty();
        assertThat(book(ticket, MONDAY_NINE)).isEmpty();
        assertThat(book(ticket, MONDAY_NINE.plusSeconds(3600))).isPresent();
    }

    @Test
    void aClosureReadLateLeavesTheLaterOne() {
        UUID ticket = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            booking.callOff(ticket, "TICKET_CANCELLED", MONDAY_NINE.plusSeconds(7200));
            booking.callOff(ticket, "RESOLVED_REMOTELY", MONDAY_NINE);
        });

        assertThat(book(ticket, MONDAY_NINE.plusSeconds(3600))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Intervention.getEntityManager()
                .createNativeQuery("select reason from ticket_closure where ticket_id = :ticket")
                .setParameter("ticket", ticket).getSingleResult())).isEqualTo("TICKET_CANCELLED");
    }

    @Test
    void aClosureIsSeenByTheRestOfItsTransaction() {
        UUID ticket = UUID.randomUUID();

        Optional<Intervention> booked = QuarkusTransaction.requiringNew().call(() -> {
            booking.callOff(ticket, "RESOLVED_REMOTELY", MONDAY_NINE);
            return booking.book(Booking.VisitRequest.forTicket(ticket, SITE, InterventionKind.ON_SITE,
                    MONDAY_NINE.minusSeconds(60)));
        });

        assertThat(booked).isEmpty();
    }

    private Optional<Intervention> book(UUID ticket, Instant requestedAt) {
        return QuarkusTransaction.requiringNew().call(() -> booking.book(
                Booking.VisitRequest.forTicket(ticket, SITE, InterventionKind.ON_SITE, requestedAt)));
    }
}
