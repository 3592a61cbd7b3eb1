package org.fieldsupport.dispatch.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.dispatch.DispatchFixtures.policy;
import static org.fieldsupport.dispatch.DispatchFixtures.technician;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;

/**
 * A transaction that books at two sites (a consumer's batch) while a dispatcher declares an absence that moves a visit
 * at one of them. When bookings locked the rows of each site's technicians in turn, these two deadlocked and one of
 * them failed (the absence answered 500); under the planning lock the absence waits for the batch, then both succeed.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class PlanningLockTest {

    private static final Instant WEDNESDAY_MORNING = Instant.parse("2025-11-05T07:00:00Z");

    @Inject
    Booking booking;

    @Inject
    EntityManager entityManager;

    @Test
    void aBatchBookingAtTwoSitesAndAnAbsenceAtOneOfThemBothComplete() throws Exception {
        policy("COLMAR", "ROVING", "FR-68", 48.0794, 7.3585);
        policy("MULHOUSE", "ROVING", "FR-68", 47.7508, 7.3359);
        // T-LK-B takes the Mulhouse visit that its absence will move; T-LK-C serves both sites.
        technician("T-LK-B", "{\"name\": \"Roving, Mulhouse\", \"team\": \"GRAND_EST\", \"baseLatitude\": 47.75, "
                + "\"baseLongitude\": 7.34, \"sites\": [\"MULHOUSE\"]}");
        String visitToMove = QuarkusTransaction.requiringNew().call(() -> booking.book(visit("MULHOUSE"))
                .map(v -> v.technicianId).orElseThrow());
        assertThat(visitToMove).isEqualTo("T-LK-B");
        technician("T-LK-C", "{\"name\": \"Roving, Haut-Rhin\", \"team\": \"GRAND_EST\", \"baseLatitude\": 47.9, "
                + "\"baseLongitude\": 7.35, \"sites\": [\"COLMAR\", \"MULHOUSE\"]}");

        CountDownLatch firstSiteBooked = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            booking.book(visit("COLMAR")).orElseThrow();
            firstSiteBooked.countDown();
            LockWaits.awaitQuietly(goOn);
            booking.book(visit("MULHOUSE")).orElseThrow();
        }));
        assertThat(firstSiteBooked.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> absence = CompletableFuture.supplyAsync(() -> given()
                .auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"startsAt\": \"2025-11-05T06:00:00Z\", \"endsAt\": \"2025-11-05T18:00:00Z\", "
                        + "\"reason\": \"SICKNESS\", \"declaredAt\": \"2025-11-05T06:30:00Z\"}")
                .post("/technicians/T-LK-B/absences").then().extract().statusCode());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(LockWaits.waitingLocks(entityManager)).isPositive());
        goOn.countDown();

        batch.get(30, TimeUnit.SECONDS);
        assertThat(absence.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        long stillWithTheAbsentTechnician = QuarkusTransaction.requiringNew().call(() -> Intervention.liveFor(
                "T-LK-B", Instant.parse("2025-11-05T06:00:00Z"), Instant.parse("2025-11-05T18:00:00Z")).size());
        assertThat(stillWithTheAbsentTechnician).isZero();
    }

    private static Booking.VisitRequest visit(String site) {
        return Booking.VisitRequest.forTicket(UUID.randomUUID(), site, InterventionKind.ON_SITE, WEDNESDAY_MORNING);
    }
}
