package org.fieldsupport.ticket.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldsupport.ticket.lifecycle.TicketStatus.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.fieldsupport.ticket.lifecycle.EscalationKind;
import org.fieldsupport.ticket.lifecycle.Progress;

/** Consumer side of the contracts: each publisher's example means the right thing for the ticket. */
class ProgressRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "InterventionScheduled, APPOINTMENT_BOOKED,",
        "InterventionRescheduled, APPOINTMENT_BOOKED,",
        "InterventionAtRisk, AT_RISK,",
        "InterventionStarted, TECHNICIAN_ON_SITE,",
        "InterventionCompleted, RESOLVED, ON_SITE",
        "ShipmentAwaitingAddress, AWAITING_ADDRESS,",
        "ShipmentDispatched, SHIPPED,",
        "ShipmentDelivered, RESOLVED, DELIVERED",
        "ShipmentFailed, NEEDS_ATTENTION,",
        "ReturnRequested, AWAITING_RETURN,",
        "ReturnReceived, RESOLVED, RETURNED",
        "AllocationPrepared, RESOLVED, ALLOCATED",
        "LockerDeposited, AWAITING_PICKUP,",
        "LockerCollected, RESOLVED, DELIVERED"
    })
    void eachPublishedExampleMovesTheTicket(String type, String status, String resolution) {
        ProgressReport report = ProducerExamples.report(ProducerExamples.example(type));
        assertThat(report.ticketId()).isNotNull();
        assertThat(report.occurredAt()).isNotNull();
        Progress progress = ProgressRules.meaningOf(type, report, EscalationKind.ON_SITE).orElseThrow();
        assertThat(progress.target()).hasToString(status);
        assertThat(progress.resolution()).isEqualTo(resolution);
    }

    /** The inbox skips the types outside TYPES_READ, so the set must be exactly the types that mean something. */
    @Test
    void theTypesReadAreExactlyThePublishedTypesThatMoveATicket() throws Exception {
        Set<String> published = new TreeSet<>();
        for (String publisher : new String[] {"dispatch-service", "logistics-service"}) {
            try (Stream<Path> files = Files.list(Path.of("..", publisher, "src/main/resources/contracts/examples"))) {
                files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).forEach(published::add);
            }
        }
        assertThat(published).containsAll(ProgressRules.TYPES_READ);
        for (String type : published) {
            ProgressReport report = ProducerExamples.report(ProducerExamples.example(type));
            assertThat(ProgressRules.meaningOf(type, report, EscalationKind.ON_SITE).isPresent()).as(type)
                    .isEqualTo(ProgressRules.TYPES_READ.contains(type));
        }
    }

    @Test
    void aScheduleThatMissesThePromiseIsAtRisk() {
        var payload = ProducerExamples.example("InterventionScheduled").put("withinPromise", false);
        Progress progress = ProgressRules.meaningOf("InterventionScheduled", ProducerExamples.report(payload),
                EscalationKind.ON_SITE).orElseThrow();
        assertThat(progress.target()).isEqualTo(AT_RISK);
        assertThat(progress.detail()).contains("cannot be kept");
    }

    @Test
    void aVisitNeedingFollowUpOrANoShowComesBackToTheDesk() {
        for (String outcome : new String[] {"NEEDS_FOLLOW_UP", "NO_SHOW"}) {
            var payload = ProducerExamples.example("InterventionCompleted").put("outcome", outcome);
            assertThat(ProgressRules.meaningOf("InterventionCompleted", ProducerExamples.report(payload),
                    EscalationKind.ON_SITE).orElseThrow().target()).isEqualTo(NEEDS_ATTENTION);
        }
    }

    @Test
    void aCollectionVisitDoesNotResolveAReturnTheReceiptDoes() {
        var completed = ProducerExamples.report(ProducerExamples.example("InterventionCompleted"));
        assertThat(ProgressRules.meaningOf("InterventionCompleted", completed, EscalationKind.RETURN).orElseThrow()
                .target()).isNull();
    }

    @Test
    void aLockerUsedForAReturnIsInformationOnly() {
        var payload = ProducerExamples.example("LockerDeposited").put("purpose", "RETURN");
        assertThat(ProgressRules.meaningOf("LockerDeposited", ProducerExamples.report(payload), EscalationKind.RETURN)
                .orElseThrow().target()).isNull();
    }

    @Test
    void typesThatAreNotAboutATicketsStatusMeanNothing() {
        var report = ProducerExamples.report(ProducerExamples.example("InterventionStarted"));
        assertThat(ProgressRules.meaningOf("RoomCheckCompleted", report, null)).isEqualTo(Optional.empty());
    }
}
