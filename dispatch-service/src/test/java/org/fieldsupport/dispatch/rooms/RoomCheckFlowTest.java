package org.fieldsupport.dispatch.rooms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fieldsupport.dispatch.DispatchFixtures.awaitEvent;
import static org.fieldsupport.dispatch.DispatchFixtures.policy;
import static org.fieldsupport.dispatch.DispatchFixtures.publishEscalation;
import static org.fieldsupport.dispatch.DispatchFixtures.technician;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;

/**
 * A month of meeting-room checks at a roving site: placed on the day a technician comes anyway, reported OK or with
 * the fault found, a late room on a trip of its own; and the kilometres of a shared trip.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "dispatch_service"))
class RoomCheckFlowTest {

    static final String TECHNICIAN = "T-COLMAR-01";

    @Test
    void aMonthOfRoomChecksAtColmar() throws Exception {
        policy("COLMAR", "ROVING", "FR-67", 48.0794, 7.3585);
        technician(TECHNICIAN, "{\"name\": \"Roving, Haut-Rhin\", \"team\": \"GRAND_EST\", \"baseLatitude\": 48.58, "
                + "\"baseLongitude\": 7.75, \"sites\": [\"COLMAR\"], \"skills\": [\"MEETING_ROOM_AV\"]}");
        room("COLMAR-R1", "Salle Schweitzer");
        room("COLMAR-R2", "Salle Bartholdi");

        // Monday 1 December: nobody is coming to Colmar yet, and the month is young: nothing is planned.
        plan("2025-12-01T07:00:00Z").body("roomsDue", equalTo(2)).body("roomsPlanned", equalTo(0));

        // Wednesday 3: an on-site visit brings the technician (from 10:15, after the trip from Strasbourg).
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "COLMAR", "ON_SITE", "2025-12-03T07:00:00Z", UUID.randomUUID().toString());
        String visitStart = JsonPath.from(awaitEvent(ticket, "InterventionScheduled").value())
                .getString("window.start");
        assertThat(visitStart).isEqualTo("2025-12-03T09:15:00Z");

        plan("2025-12-03T07:30:00Z").body("roomsPlanned", equalTo(2));
        List<Map<String, Object>> day = given().auth().oauth2(TestTokens.forRole("dispatcher"))
                .queryParam("technicianId", TECHNICIAN).queryParam("date", "2025-12-03").get("/interventions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(day).extracting(v -> v.get("kind")).containsExactly("ON_SITE", "ROOM_CHECK", "ROOM_CHECK");
        String r1 = checkOf(day, "COLMAR-R1");
        String r2 = checkOf(day, "COLMAR-R2");
        JsonPath scheduledCheck = JsonPath.from(awaitEvent("InterventionScheduled", r -> r.key().equals(r1)).value());
        assertThat(scheduledCheck.getString("kind")).isEqualTo("ROOM_CHECK");
        assertThat(scheduledCheck.getString("roomId")).isEqualTo("COLMAR-R1");
        assertThat(scheduledCheck.getString("deadline")).isEqualTo("2025-12-31T22:59:59.999999999Z");
        // Planning again changes nothing.
        plan("2025-12-03T08:00:00Z").body("roomsPlanned", equalTo(2));

        String own = TestTokens.forSubject(TECHNICIAN, "technician");
        String other = TestTokens.forSubject("T-EST-02", "technician");
        report(other, r1, "{\"result\": \"OK\"}").statusCode(404);
        report(own, r2, "{\"result\": \"FAULT\"}").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(own).contentType(ContentType.JSON).body("{\"outcome\": \"FIXED\"}")
                .post("/interventions/" + r1 + "/completion").then().statusCode(409);
        report(own, r1, "{\"result\": \"OK\", \"completedAt\": \"2025-12-03T10:00:00Z\"}").statusCode(200)
                .body("status", equalTo("COMPLETED"));
        report(own, r2, "{\"result\": \"FAULT\", \"fault\": \"No HDMI signal on the wall plate\", "
                + "\"completedAt\": \"2025-12-03T12:30:00Z\"}").statusCode(200);
        report(own, r2, "{\"result\": \"OK\"}").statusCode(409);
        JsonPath fault = JsonPath.from(awaitEvent("RoomCheckCompleted", r -> r.key().equals(r2)).value());
        assertThat(fault.getString("result")).isEqualTo("FAULT");
        assertThat(fault.getString("fault")).isEqualTo("No HDMI signal on the wall plate");
        assertThat(fault.getString("month")).isEqualTo("2025-12");
        assertThat(fault.getString("technicianId")).isEqualTo(TECHNICIAN);

        // The on-site visit's share of the day's trip: Strasbourg - Colmar - Strasbourg (2 x 81.56 km), three visits.
        String visit = day.stream().filter(v -> "ON_SITE".equals(v.get("kind"))).findFirst().orElseThrow()
                .get("id").toString();
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body("{\"outcome\": \"FIXED\", \"completedAt\": \"2025-12-03T10:30:00Z\"}")
                .post("/interventions/" + visit + "/completion").then().statusCode(200);
        JsonPath completed = JsonPath.from(awaitEvent(ticket, "InterventionCompleted").value());
        assertThat(completed.getDouble("travelKm")).isCloseTo(54.374, within(0.001));
        assertThat(completed.getString("travelKmSource")).isEqualTo("ESTIMATED");
        assertThat(completed.getDouble("co2eKg")).isCloseTo(10.875, within(0.001));

        // A room added late: in the month's last three business days it gets a trip of its own (Monday 29; the
        // 26th is a holiday in Alsace).
        room("COLMAR-R3", "Salle Hansi");
        plan("2025-12-29T07:00:00Z").body("roomsPlanned", equalTo(1));
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("month", "2025-12")
                .get("/sites/COLMAR/room-checks").then().statusCode(200)
                .body("roomsDue", equalTo(3)).body("roomsChecked", equalTo(2)).body("roomsWithFault", equalTo(1))
                .body("rooms.find { it.roomId == 'COLMAR-R3' }.standing", equalTo("PLANNED"))
                .body("rooms.find { it.roomId == 'COLMAR-R3' }.windowStart", equalTo("2025-12-29T09:15:00Z"));
    }

    @Test
    void badRoomRequestsAreRefused() {
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"name\": \"\"}").put("/sites/COLMAR/rooms/X1").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("technician")).contentType(ContentType.JSON)
                .body("{\"name\": \"Salle\"}").put("/sites/COLMAR/rooms/X1").then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole("dispatcher")).queryParam("month", "December")
                .get("/sites/COLMAR/room-checks").then().statusCode(400);
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"month\": \"2025-12\", \"asOf\": \"2099-01-01T00:00:00Z\"}")
                .post("/sites/COLMAR/room-checks/planning").then().statusCode(400);
        given().auth().oauth2(TestTokens.forRole("technician")).queryParam("month", "2025-12")
                .get("/sites/COLMAR/room-checks").then().statusCode(403);
    }

    private static String checkOf(List<Map<String, Object>> day, String room) {
        return day.stream().filter(v -> room.equals(v.get("roomId"))).findFirst().orElseThrow().get("id").toString();
    }

    private static void room(String id, String name) {
        given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}").put("/sites/COLMAR/rooms/" + id).then().statusCode(200);
    }

    private static ValidatableResponse plan(String asOf) {
        return given().auth().oauth2(TestTokens.forRole("dispatcher")).contentType(ContentType.JSON)
                .body("{\"month\": \"2025-12\", \"asOf\": \"" + asOf + "\"}")
                .post("/sites/COLMAR/room-checks/planning").then().statusCode(200);
    }

    private static ValidatableResponse report(String token, String check, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/interventions/" + check + "/room-check").then();
    }
}
