package org.fieldsupport.survey.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

/** The figures computed from events of all three topics, and the report in its three formats. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class PilotReportTest {

    static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Paris")).toInstant();
    }

    static String manager() {
        return TestTokens.forRole("pilot-manager");
    }

    @Test
    void kpisFromTicketDispatchAndLogisticsEventsByEventTime() {
        String site = PlatformEvents.freshSite("KPI");
        UUID visit = UUID.randomUUID();
        String interventionId = UUID.randomUUID().toString();
        // Escalated Friday 31 October 16:00, technician there Monday 3 November 09:30: 2.5 business hours.
        PlatformEvents.send("ticket.events", "TicketOpened", visit, Map.of("ticketId", visit.toString(), "site", site,
                "occurredAt", paris("2025-10-31T15:00").toString()));
        PlatformEvents.send("ticket.events", "TicketEscalated", visit, Map.of("ticketId", visit.toString(), "site",
                site, "kind", "ON_SITE", "occurredAt", paris("2025-10-31T16:00").toString()));
        PlatformEvents.send("dispatch.events", "InterventionScheduled", visit, Map.of("ticketId", visit.toString(),
                "site", site, "interventionId", interventionId, "deadline", paris("2025-11-03T23:59:59").toString(),
                "occurredAt", paris("2025-10-31T16:01").toString()));
        PlatformEvents.send("dispatch.events", "InterventionStarted", visit, Map.of("ticketId", visit.toString(),
                "site", site, "interventionId", interventionId, "occurredAt", paris("2025-11-03T09:30").toString()));
        PlatformEvents.send("dispatch.events", "InterventionCompleted", visit, Map.of("ticketId", visit.toString(),
                "site", site, "interventionId", interventionId, "travelKm", 40, "co2eKg", 8.0,
                "occurredAt", paris("2025-11-03T10:00").toString()));
        PlatformEvents.send("ticket.events", "TicketResolved", visit, Map.of("ticketId", visit.toString(), "site",
                site, "remote", false, "resolution", "ON_SITE", "occurredAt", paris("2025-11-03T10:05").toString()));
        // A headset: escalated Wednesday 5 November 10:00, delivered Thursday 11:00: 6.5 h + 2.5 h = 9 h.
        UUID headset = UUID.randomUUID();
        String shipment = UUID.randomUUID().toString();
        PlatformEvents.send("ticket.events", "TicketOpened", headset, Map.of("ticketId", headset.toString(), "site",
                site, "category", "ACCESSORY", "occurredAt", paris("2025-11-05T09:50").toString()));
        PlatformEvents.send("ticket.events", "TicketEscalated", headset, Map.of("ticketId", headset.toString(),
                "site", site, "kind", "SHIPMENT", "occurredAt", paris("2025-11-05T10:00").toString()));
        PlatformEvents.send("logistics.events", "ShipmentDispatched", headset, Map.of("ticketId", headset.toString(),
                "site", site, "shipmentId", shipment, "occurredAt", paris("2025-11-05T11:00").toString()));
        PlatformEvents.send("logistics.events", "ShipmentDelivered", headset, Map.of("ticketId", headset.toString(),
                "site", site, "shipmentId", shipment, "occurredAt", paris("2025-11-06T11:00").toString()));
        PlatformEvents.send("logistics.events", "ReturnRequested", headset, Map.of("ticketId", headset.toString(),
                "site", site, "returnId", UUID.randomUUID().toString(), "occurredAt",
                paris("2025-11-06T12:00").toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath nov = kpis(site, "2025-11");
            assertThat(nov.getInt("sites[0].shipmentsDelivered")).isEqualTo(1);
            assertThat(nov.getInt("sites[0].returnsRequested")).isEqualTo(1);
            assertThat(nov.getInt("sites[0].resolved")).isEqualTo(1);
            assertThat(nov.getInt("sites[0].onSiteInterventions")).isEqualTo(1);
            assertThat(nov.getInt("sites[0].escalated")).isEqualTo(1);
        });
        JsonPath oct = kpis(site, "2025-10");
        assertThat(oct.getInt("sites[0].tickets")).isEqualTo(1);
        assertThat(oct.getInt("sites[0].escalated")).isEqualTo(1);
        assertThat(oct.getInt("sites[0].resolved")).isZero();
        JsonPath nov = kpis(site, "2025-11");
        assertThat(nov.getInt("sites[0].tickets")).isEqualTo(1);
        assertThat(nov.getDouble("sites[0].timeToInterventionHours.median")).isEqualTo(2.5);
        assertThat(nov.getInt("sites[0].onTime.successes")).isEqualTo(1);
        assertThat(nov.getDouble("sites[0].resolvedRemotely.share")).isEqualTo(0.0);
        assertThat(nov.getDouble("sites[0].technicianKm")).isEqualTo(40.0);
        assertThat(nov.getInt("sites[0].headsetsDispatched")).isEqualTo(1);
        assertThat(nov.getDouble("sites[0].headsetLeadTimeHours.median")).isEqualTo(9.0);
        // The example ships by EXPRESS_PARCEL: 1.0 kg CO2e as configured.
        assertThat(nov.getDouble("sites[0].parcelCo2eKg")).isEqualTo(1.0);
        JsonPath dec = kpis(site, "2025-12");
        assertThat(dec.getInt("sites[0].tickets")).isZero();
        assertThat(dec.getString("sites[0].satisfied.share")).isNull();
        JsonPath pilot = given().auth().oauth2(manager()).queryParam("site", site).get("/pilot/kpis").then()
                .statusCode(200).extract().jsonPath();
        assertThat(pilot.getInt("sites[0].tickets")).isEqualTo(2);
        assertThat(pilot.getInt("sites[0].businessDays")).isEqualTo(64);
    }

    @Test
    void theFinalReportAsJsonComparesTheSitesAndTheBaseline() {
        JsonPath report = given().auth().oauth2(manager()).get("/pilot/report").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
        assertThat(report.getList("sites.site")).containsExactly("STRASBOURG", "NANCY", "DIJON");
        assertThat(report.getString("sites[1].role")).contains("Witness");
        assertThat(report.getList("sites[0].months")).hasSize(3);
        assertThat(report.getMap("definitions")).containsKeys("satisfied", "onTime", "wilson interval");
        assertThat(report.getInt("baseline.year")).isEqualTo(2024);
        // 489 / (489 + 169) = 0.7432.
        assertThat(report.getDouble("baseline.sites[0].resolvedWithoutOnSiteTechnicianShare.share"))
                .isCloseTo(0.7432, within(0.0001));
        assertThat(report.getDouble("baseline.sites[0].onSitePerBusinessDayStated")).isEqualTo(0.67);
        // 2024 in the Bas-Rhin: 262 weekdays less 10 national holidays on weekdays, Good Friday and 26 December.
        assertThat(report.getInt("baseline.sites[0].businessDays")).isEqualTo(250);
        assertThat(report.getDouble("baseline.sites[0].onSitePerBusinessDayRecomputed")).isEqualTo(0.676);
        assertThat(report.getDouble("baseline.sites[1].onSitePerBusinessDayStated")).isEqualTo(0.88);
        assertThat(report.getList("cautions", String.class)).anyMatch(c -> c.contains("baseline"));
    }

    @Test
    void csvAndPrintableHtmlByFormatOrAcceptHeader() {
        String csv = given().auth().oauth2(manager()).queryParam("format", "csv").get("/pilot/report").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("section,site,period,metric,value,n,low95,high95,warning\r\n")
                .contains("pilot,STRASBOURG,2025-10..2025-12,tickets,").contains("month,NANCY,2025-11,satisfied,")
                .contains("baseline,STRASBOURG,2024,resolvedWithOnSiteTechnician,169");
        given().auth().oauth2(manager()).accept("text/csv").get("/pilot/report").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().auth().oauth2(manager()).accept("text/html").get("/pilot/report").then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("<svg"))
                .body(containsString("Read this first")).body(containsString("role=\"img\""))
                .body(containsString("2024 baseline")).body(containsString("STRASBOURG 2024"))
                .body(containsString("0.67 stated; 0.676 recomputed")).body(containsString("NANCY 2024"))
                .body(containsString("74% [71–78%] (n = 658)"));
        given().auth().oauth2(manager()).queryParam("format", "pdf").get("/pilot/report").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void strasbourgMonthlyFollowUp() {
        given().auth().oauth2(manager()).get("/pilot/follow-up").then().statusCode(200)
                .body("sites.size()", equalTo(1)).body("sites[0].site", equalTo("STRASBOURG"))
                .body("sites[0].months.size()", equalTo(3)).body("sites[0].months[0].fromMonth", equalTo("2025-10"));
        given().auth().oauth2(manager()).queryParam("format", "html").get("/pilot/follow-up").then().statusCode(200)
                .body(containsString("Monthly follow-up: STRASBOURG"));
    }

    @Test
    void reportsArePilotManagersOnlyByHeaderOrCookie() {
        given().get("/pilot/report").then().statusCode(401);
        given().auth().oauth2(TestTokens.forRole("technician")).get("/pilot/report").then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole("desk-agent")).get("/pilot/follow-up").then().statusCode(403);
        given().cookie("pilot_token", manager()).queryParam("format", "html").get("/pilot/report").then()
                .statusCode(200);
        given().cookie("pilot_token", TestTokens.forRole("technician")).get("/pilot/report").then().statusCode(403);
    }

    static JsonPath kpis(String site, String month) {
        return given().auth().oauth2(manager()).queryParam("site", site).queryParam("month", month)
                .get("/pilot/kpis").then().statusCode(200).extract().jsonPath();
    }
}
