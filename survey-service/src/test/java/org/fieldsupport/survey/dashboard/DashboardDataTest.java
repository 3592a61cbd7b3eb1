package org.fieldsupport.survey.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.survey.PlatformEvents;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class DashboardDataTest {

    @Test
    void liveFiguresOfASiteFromItsEvents() {
        String site = PlatformEvents.freshSite("LIVE");
        UUID ticket = UUID.randomUUID();
        String visit = UUID.randomUUID().toString();
        Instant now = Instant.now();
        PlatformEvents.send("ticket.events", "TicketOpened", ticket, Map.of("ticketId", ticket.toString(), "site", site,
                "occurredAt", now.minus(Duration.ofHours(2)).toString()));
        PlatformEvents.send("dispatch.events", "InterventionScheduled", ticket, Map.of("ticketId", ticket.toString(),
                "site", site, "interventionId", visit, "withinPromise", false,
                "window", Map.of("start", now.toString(), "end", now.plus(Duration.ofHours(1)).toString()),
                "occurredAt", now.minus(Duration.ofHours(1)).toString()));
        PlatformEvents.send("logistics.events", "ShipmentDispatched", ticket, Map.of("ticketId", ticket.toString(),
                "site", site, "shipmentId", UUID.randomUUID().toString(),
                "occurredAt", now.minus(Duration.ofMinutes(30)).toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath live = given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", site)
                    .get("/dashboard/data").then().statusCode(200).extract().jsonPath();
            assertThat(live.getInt("sites[0].figures.openTickets")).isEqualTo(1);
            assertThat(live.getInt("sites[0].figures.appointmentsToday")).isEqualTo(1);
            assertThat(live.getInt("sites[0].figures.promisesAtRisk")).isEqualTo(1);
            assertThat(live.getInt("sites[0].figures.shipmentsInTransit")).isEqualTo(1);
            assertThat(live.getInt("sites[0].figures.responseRate.n")).isZero();
        });
    }

    @Test
    void thePageIsPublicAndHoldsNoFigureTheDataNeedsThePilotManagerRole() {
        given().get("/dashboard").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/dashboard/data")).body(not(containsString("http://")))
                .body(not(containsString("https://")));
        given().get("/dashboard/data").then().statusCode(401);
        given().auth().oauth2(TestTokens.forRole("technician")).get("/dashboard/data").then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).get("/dashboard/data").then().statusCode(200)
                .body("sites.figures.site", org.hamcrest.Matchers.contains("STRASBOURG", "NANCY", "DIJON"));
    }
}
