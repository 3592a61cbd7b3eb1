package org.fieldsupport.dispatch.rota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldsupport.dispatch.DispatchFixtures.awaitEvent;
import static org.fieldsupport.dispatch.DispatchFixtures.policy;
import static org.fieldsupport.dispatch.DispatchFixtures.publishEscalation;
import static org.fieldsupport.dispatch.DispatchFixtures.technician;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;

/**
 * The on-site technician's rota: a change moves the visits it affects, and the advice replays the site's
 * escalations. Dates lie in 2030 so that "from now on" covers them whatever day the build runs.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class RotaChangeTest {

    static final String OSS = "{\"name\": \"OSS Metz\", \"team\": \"GRAND_EST\", \"baseLatitude\": 49.12, "
            + "\"baseLongitude\": 6.18, \"sites\": [\"METZ\"], \"ossSite\": \"METZ\", \"rota\": {%s}}";

    @Test
    void aRotaChangeMovesTheVisitsItAffectsAndTheAdviceFollowsTheEscalations() throws Exception {
        policy("METZ", "HALF_TIME_OSS", "FR-57", 49.1193, 6.1757);
        technician("T-METZ-OSS", OSS.formatted("\"MONDAY\": \"MORNING\", \"TUESDAY\": \"MORNING\", "
                + "\"WEDNESDAY\": \"MORNING\", \"THURSDAY\": \"MORNING\", \"FRIDAY\": \"MORNING\""));

        // Monday 7 January 2030, 08:00 in Metz: the OSS is there this morning; the half-day rule says by 12:30.
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "METZ", "ON_SITE", "2030-01-07T07:00:00Z", UUID.randomUUID().toString());
        JsonPath scheduled = JsonPath.from(awaitEvent(ticket, "InterventionScheduled").value());
        assertThat(scheduled.getString("window.start")).isEqualTo("2030-01-07T07:30:00Z");
        assertThat(scheduled.getString("deadline")).isEqualTo("2030-01-07T11:30:00Z");

        // The dispatcher moves Monday to the afternoon: the visit follows, too late for the promise.
        technician("T-METZ-OSS", OSS.formatted("\"MONDAY\": \"AFTERNOON\", \"TUESDAY\": \"MORNING\", "
                + "\"WEDNESDAY\": \"MORNING\", \"THURSDAY\": \"MORNING\", \"FRIDAY\": \"MORNING\""));
        JsonPath moved = JsonPath.from(awaitEvent(ticket, "InterventionRescheduled").value());
        assertThat(moved.getString("reason")).isEqualTo("ROTA_CHANGE");
        assertThat(moved.getString("window.start")).isEqualTo("2030-01-07T12:30:00Z");
        assertThat(moved.getBoolean("withinPromise")).isFalse();
        assertThat(JsonPath.from(awaitEvent(ticket, "InterventionAtRisk").value()).getString("reason"))
                .contains("ROTA_CHANGE");

        // Unchanged days move nothing: a second identical update publishes no second move.
        technician("T-METZ-OSS", OSS.formatted("\"MONDAY\": \"AFTERNOON\", \"TUESDAY\": \"MORNING\", "
                + "\"WEDNESDAY\": \"MORNING\", \"THURSDAY\": \"MORNING\", \"FRIDAY\": \"MORNING\""));

        // The escalation came on a Monday morning (08:00, before the day starts): with Monday afternoon it waited the
        // whole morning, 08:30 to 12:30; the advice puts Monday back in the morning.
        given().auth().oauth2(TestTokens.forRole("dispatcher")).queryParam("asOf", "2030-01-10T00:00:00Z")
                .queryParam("weeks", 2).get("/sites/METZ/rota-advice").then().statusCode(200)
                .body("technicianId", equalTo("T-METZ-OSS"))
                .body("advice.escalations", equalTo(1))
                .body("advice.current.servedWithinHalfDay", equalTo(1))
                .body("advice.current.averageWaitingHours", equalTo(4.0f))
                .body("advice.proposed.rota.MONDAY", equalTo("MORNING"))
                .body("advice.proposed.averageWaitingHours", equalTo(0.0f))
                .body("advice.days[0].escalationsOutsideHours", equalTo(1));
    }

    @Test
    void theAdviceNeedsAnOnSiteTechnicianAndADispatcher() {
        policy("EPINAL", "ROVING", "FR-88", 48.1724, 6.4496);
        given().auth().oauth2(TestTokens.forRole("dispatcher")).get("/sites/EPINAL/rota-advice").then()
                .statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).get("/sites/EPINAL/rota-advice").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.forRole("dispatcher")).queryParam("weeks", 0)
                .get("/sites/EPINAL/rota-advice").then().statusCode(400);
    }
}
