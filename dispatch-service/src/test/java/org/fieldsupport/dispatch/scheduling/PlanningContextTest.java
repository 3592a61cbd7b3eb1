package org.fieldsupport.dispatch.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.dispatch.DispatchFixtures.awaitEvent;
import static org.fieldsupport.dispatch.DispatchFixtures.policy;
import static org.fieldsupport.dispatch.DispatchFixtures.publishEscalation;
import static org.fieldsupport.dispatch.DispatchFixtures.technician;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.dispatch.policies.SitePolicy;
import org.fieldsupport.testing.PlatformTestResource;

/**
 * Bookings plan with what was read of the site, kept in {@link PlanningContext} within a transaction (a consumer's
 * batch) and from one transaction to the next: they must come out as if each had read the agendas again, whoever
 * changed them in between.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class PlanningContextTest {

    /** A Monday, and one six weeks later: further than the agenda span read for the first. */
    private static final Instant FIRST = Instant.parse("2025-12-01T07:00:00Z");
    private static final Instant SIX_WEEKS_LATER = Instant.parse("2026-01-12T07:00:00Z");

    @Inject
    Booking booking;

    @Inject
    EntityManager entityManager;

    /** What a booking gave: the technician's number at the site, the window. */
    private record Placed(String technician, Instant start, Instant end) {
    }

    @Test
    void visitsBookedInOneTransactionAreThoseBookedOneTransactionEach() {
        twinSite("SAVERNE", "T-PC-SAV");
        twinSite("OBERNAI", "T-PC-OBE");
        List<Instant> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            requests.add((i % 3 == 2 ? SIX_WEEKS_LATER : FIRST).plusSeconds(i));
        }

        List<Placed> together = QuarkusTransaction.requiringNew().call(() -> requests.stream()
                .map(at -> place("SAVERNE", "T-PC-SAV", at)).toList());
        List<Placed> oneEach = requests.stream()
                .map(at -> QuarkusTransaction.requiringNew().call(() -> place("OBERNAI", "T-PC-OBE", at))).toList();

        assertThat(together).isEqualTo(oneEach);
        Map<String, List<Placed>> byTechnician = together.stream()
                .collect(Collectors.groupingBy(Placed::technician));
        assertThat(byTechnician).hasSize(2);
        for (List<Placed> agenda : byTechnician.values()) {
            List<Placed> inOrder = agenda.stream().sorted(Comparator.comparing(Placed::start)).toList();
            for (int i = 1; i < inOrder.size(); i++) {
                assertThat(inOrder.get(i).start()).isAfterOrEqualTo(inOrder.get(i - 1).end());
            }
        }
    }

    @Test
    void aVisitCalledOffInTheTransactionLeavesItsSlotToTheNextBooking() {
        policy("MOLSHEIM", "ROVING", "FR-67", 48.5417, 7.4922);
        technician("T-PC-MOL", "{\"name\": \"Roving, Molsheim\", \"team\": \"GRAND_EST\", \"baseLatitude\": 48.54, "
                + "\"baseLongitude\": 7.49, \"sites\": [\"MOLSHEIM\"]}");
        UUID calledOff = UUID.randomUUID();

        List<Placed> placed = QuarkusTransaction.requiringNew().call(() -> {
            Placed first = place("MOLSHEIM", calledOff, "T-PC-MOL", FIRST);
            booking.callOff(calledOff, "RESOLVED_REMOTELY", FIRST.plusSeconds(60));
            Placed next = place("MOLSHEIM", UUID.randomUUID(), "T-PC-MOL", FIRST.plusSeconds(120));
            return List.of(first, next);
        });

        assertThat(placed.get(1)).isEqualTo(placed.get(0));
    }

    @Test
    void aTicketEscalatedTwiceInOneTransactionKeepsItsFirstVisit() {
        oneTechnicianSite("ROSHEIM", "T-PC-ROS");
        UUID ticket = UUID.randomUUID();

        List<UUID> visits = QuarkusTransaction.requiringNew().call(() -> List.of(FIRST, FIRST.plusSeconds(60)).stream()
                .map(at -> booking.book(Booking.VisitRequest.forTicket(ticket, "ROSHEIM", InterventionKind.ON_SITE, at))
                        .orElseThrow().id)
                .toList());

        assertThat(visits.get(1)).isEqualTo(visits.get(0));
    }

    @Test
    void escalationsReadFromTheTopicPlanWithTheSitesTheLastBatchKept() throws Exception {
        // A change made unseen (cancelUnseen) shows whether the next batch read the site again or reused it.
        oneTechnicianSite("EPFIG", "T-PC-EPF");
        String firstTicket = UUID.randomUUID().toString();
        publishEscalation(firstTicket, "EPFIG", "ON_SITE", FIRST.toString(), UUID.randomUUID().toString());
        Instant firstEnd = Instant.parse(JsonPath.from(awaitEvent(firstTicket, "InterventionScheduled").value())
                .getString("window.end"));

        cancelUnseen(UUID.fromString(JsonPath.from(awaitEvent(firstTicket, "InterventionScheduled").value())
                .getString("interventionId")));
        String nextTicket = UUID.randomUUID().toString();
        publishEscalation(nextTicket, "EPFIG", "ON_SITE", FIRST.plusSeconds(60).toString(),
                UUID.randomUUID().toString());

        assertThat(Instant.parse(JsonPath.from(awaitEvent(nextTicket, "InterventionScheduled").value())
                .getString("window.start"))).isAfterOrEqualTo(firstEnd);
    }

    @Test
    void aVisitCancelledBehindDispatchsBackLeavesItsSlotToTheNextBooking() {
        oneTechnicianSite("ERSTEIN", "T-PC-ERS");
        Intervention first = QuarkusTransaction.requiringNew().call(() -> book("ERSTEIN", FIRST));

        cancelInTheDatabase(first);
        Intervention next = QuarkusTransaction.requiringNew().call(() -> book("ERSTEIN", FIRST.plusSeconds(60)));

        assertThat(next.windowStart).isEqualTo(first.windowStart);
    }

    @Test
    void aBookingRolledBackLeavesItsSlotToTheNextBooking() {
        oneTechnicianSite("BENFELD", "T-PC-BEN");
        QuarkusTransaction.requiringNew().call(() -> book("BENFELD", FIRST));
        AtomicReference<Instant> rolledBack = new AtomicReference<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.set(book("BENFELD", FIRST).windowStart);
            throw new IllegalStateException("rolled back on purpose");
        })).hasStackTraceContaining("rolled back on purpose");

        Intervention next = QuarkusTransaction.requiringNew().call(() -> book("BENFELD", FIRST));

        assertThat(next.windowStart).isEqualTo(rolledBack.get());
    }

    @Test
    void aChangeMadeWithoutTheLockWaitsForTheTransactionThatHoldsIt() throws Exception {
        oneTechnicianSite("BARR", "T-PC-BAR");
        Intervention visit = QuarkusTransaction.requiringNew().call(() -> book("BARR", FIRST));
        CountDownLatch siteRead = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            // A redelivered escalation: reads the site under the lock, and changes nothing.
            booking.book(Booking.VisitRequest.forTicket(visit.ticketId, "BARR", InterventionKind.ON_SITE, FIRST));
            siteRead.countDown();
            LockWaits.awaitQuietly(goOn);
            book("BARR", FIRST.plusSeconds(60));
        }));
        assertThat(siteRead.await(30, TimeUnit.SECONDS)).isTrue();

        // Had it not waited, the batch would commit, after it, what it read before it: the visit still booked.
        CompletableFuture<Void> cancellation = CompletableFuture.runAsync(() -> cancelInTheDatabase(visit));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cancellation.isDone() || LockWaits.waitingLocks(entityManager) > 0);
        goOn.countDown();
        batch.get(30, TimeUnit.SECONDS);
        cancellation.get(30, TimeUnit.SECONDS);

        Intervention next = QuarkusTransaction.requiringNew().call(() -> book("BARR", FIRST.plusSeconds(120)));
        assertThat(next.windowStart).isEqualTo(visit.windowStart);
    }

    @Test
    void whatATransactionReadBeforeTakingTheLockIsNotKeptForTheNext() {
        oneTechnicianSite("SELESTAT", "T-PC-SEL");

        QuarkusTransaction.requiringNew().run(() -> {
            // As the monthly room checks do: the policy is read, then a dispatcher changes it before the lock is taken.
            assertThat(SitePolicy.inForce("SELESTAT", FIRST).onSiteMinutes).isEqualTo(60);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update site_policy set on_site_minutes = 120 where site_code = 'SELESTAT'").executeUpdate());
            book("SELESTAT", FIRST);
        });
        Intervention next = QuarkusTransaction.requiringNew().call(() -> book("SELESTAT", FIRST.plusSeconds(60)));

        assertThat(Duration.between(next.windowStart, next.windowEnd)).isEqualTo(Duration.ofMinutes(120));
    }

    private static void oneTechnicianSite(String site, String technician) {
        policy(site, "ROVING", "FR-67", 48.38, 7.53);
        technician(technician, "{\"name\": \"Roving, " + site + "\", \"team\": \"GRAND_EST\", "
                + "\"baseLatitude\": 48.38, \"baseLongitude\": 7.53, \"sites\": [\"" + site + "\"]}");
    }

    /** With the trigger that records changes off, so that kept sites stay as they were. */
    private void cancelUnseen(UUID visit) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("alter table intervention disable trigger intervention_changed")
                    .executeUpdate();
            entityManager.createNativeQuery("update intervention set status = 'CANCELLED' where id = :id")
                    .setParameter("id", visit).executeUpdate();
            entityManager.createNativeQuery("alter table intervention enable trigger intervention_changed")
                    .executeUpdate();
        });
    }

    /** As another replica, or an operator's SQL, would: nothing in this JVM hears of it. */
    private void cancelInTheDatabase(Intervention visit) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update intervention set status = 'CANCELLED' where id = :id").setParameter("id", visit.id)
                .executeUpdate());
    }

    private Intervention book(String site, Instant at) {
        return booking.book(Booking.VisitRequest.forTicket(UUID.randomUUID(), site, InterventionKind.ON_SITE, at))
                .orElseThrow();
    }


    /** A site with two roving technicians based in the same places as the other twin's. */
    private static void twinSite(String site, String technicianPrefix) {
        policy(site, "ROVING", "FR-67", 48.7414, 7.3621);
        technician(technicianPrefix + "1", "{\"name\": \"Roving one\", \"team\": \"GRAND_EST\", \"baseLatitude\": "
                + "48.58, \"baseLongitude\": 7.75, \"sites\": [\"" + site + "\"]}");
        technician(technicianPrefix + "2", "{\"name\": \"Roving two\", \"team\": \"GRAND_EST\", \"baseLatitude\": "
                + "48.69, \"baseLongitude\": 6.18, \"sites\": [\"" + site + "\"]}");
    }

    private Placed place(String site, String technicianPrefix, Instant at) {
        return place(site, UUID.randomUUID(), technicianPrefix, at);
    }

    private Placed place(String site, UUID ticket, String technicianPrefix, Instant at) {
        Intervention visit = booking.book(Booking.VisitRequest.forTicket(ticket, site, InterventionKind.ON_SITE, at))
                .orElseThrow();
        return new Placed(visit.technicianId.substring(technicianPrefix.length()), visit.windowStart,
                visit.windowEnd);
    }
}
