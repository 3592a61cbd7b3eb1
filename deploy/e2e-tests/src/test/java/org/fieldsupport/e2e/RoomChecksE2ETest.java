package org.fieldsupport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.e2e.SharedPlatform.token;
import static org.fieldsupport.e2e.SharedPlatform.url;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.infra.TopicReader;
import org.fieldsupport.launcher.LocalPlatform;
import org.fieldsupport.replay.SiteCalendar;

/**
 * A month of meeting-room checks at Dijon through the platform: planned on a trip a technician makes to the site
 * anyway, the rest on a trip of their own in the month's last business days, each reported by its technician, and
 * the month's figures in dispatch and in the pilot's KPIs. The month is two months back, which no other suite uses.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
class RoomChecksE2ETest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String SITE = "DIJON";
    static final Set<String> ROOMS = Set.of("DIJ-DUCS", "DIJ-OUCHE", "DIJ-EIFFEL");

    @Test
    void aMonthOfRoomChecksIsPlannedOnTripsToTheSiteAndEveryRoomIsChecked() {
        LocalPlatform platform = SharedPlatform.platform();
        YearMonth month = YearMonth.now(PARIS).minusMonths(2);
        List<LocalDate> businessDays = new SiteCalendar("FR-21").businessDays(month.atDay(1), month.atEndOfMonth());

        // Early in the month a hardware incident takes a technician to the site: the checks can ride along.
        Instant escalatedAt = at(businessDays.get(1), LocalTime.of(9, 0));
        String ticket = PastEscalations.onSite(SITE, "E-E2E-ROOMS", "Screen flickers", escalatedAt);
        Map<String, Object> visit = PastEscalations.bookedVisit(ticket);
        @SuppressWarnings("unchecked")
        LocalDate visitDay = Instant.parse(((Map<String, String>) visit.get("window")).get("start")).atZone(PARIS)
                .toLocalDate();

        JsonPath early = plan(month, escalatedAt.plus(Duration.ofMinutes(5)));
        List<Map<String, Object>> ridingAlong = early.getList("rooms.findAll { it.standing == 'PLANNED' }");
        assertThat(ridingAlong).as("checks planned on the hardware visit's trip").isNotEmpty();
        assertThat(ridingAlong).allSatisfy(room -> assertThat(Instant.parse((String) room.get("windowStart"))
                .atZone(PARIS).toLocalDate()).isEqualTo(visitDay));

        // Three business days before the month ends, whatever is still due gets a trip of its own.
        JsonPath late = plan(month, at(businessDays.get(businessDays.size() - 3), LocalTime.of(7, 0)));
        assertThat(late.getInt("roomsPlanned")).isEqualTo(ROOMS.size());
        assertThat(late.getList("rooms.roomId", String.class)).containsExactlyInAnyOrderElementsOf(ROOMS);

        List<Map<String, Object>> planned = late.getList("rooms");
        for (Map<String, Object> room : planned) {
            boolean faulty = room.get("roomId").equals("DIJ-OUCHE");
            Instant doneAt = Instant.parse((String) room.get("windowStart")).plus(Duration.ofMinutes(20));
            assertThat(YearMonth.from(doneAt.atZone(PARIS))).isEqualTo(month);
            Map<String, Object> report = faulty
                    ? Map.of("result", "FAULT", "fault", "HDMI cable of the lectern missing", "completedAt",
                            doneAt.toString())
                    : Map.of("result", "OK", "completedAt", doneAt.toString());
            given().auth().oauth2(token("technician-" + room.get("technicianId"))).contentType(ContentType.JSON)
                    .body(report).post(url("dispatch-service", "/interventions/" + room.get("interventionId")
                            + "/room-check"))
                    .then().statusCode(200);
        }

        given().auth().oauth2(token("pilot-manager")).queryParam("month", month.toString())
                .get(url("dispatch-service", "/sites/" + SITE + "/room-checks")).then().statusCode(200)
                .body("roomsDue", equalTo(ROOMS.size())).body("roomsChecked", equalTo(ROOMS.size()))
                .body("roomsPlanned", equalTo(0)).body("roomsWithFault", equalTo(1));
        Set<String> checkVisits = planned.stream().map(room -> (String) room.get("interventionId"))
                .collect(Collectors.toSet());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(TopicReader.readAll(platform.kafkaBootstrapServers(),
                platform.kafkaAdminAccess(), "dispatch.events").stream()
                .filter(r -> "RoomCheckCompleted".equals(TopicReader.header(r, "ce_type")))
                .map(r -> JsonPath.from(r.value()).getString("interventionId")).filter(checkVisits::contains))
                .hasSize(ROOMS.size()));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token("pilot-manager"))
                .queryParam("site", SITE).queryParam("month", month.toString())
                .get(url("survey-service", "/pilot/kpis")).then().statusCode(200)
                .body("sites[0].roomsChecked", equalTo(ROOMS.size())));
    }

    private static JsonPath plan(YearMonth month, Instant asOf) {
        return given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON)
                .body(Map.of("month", month.toString(), "asOf", asOf.toString()))
                .post(url("dispatch-service", "/sites/" + SITE + "/room-checks/planning")).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(PARIS).toInstant();
    }
}
