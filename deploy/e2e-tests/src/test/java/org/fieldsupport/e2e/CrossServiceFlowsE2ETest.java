package org.fieldsupport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.infra.TopicReader;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * Work that crosses the four services, driven only through their public contract: the desk's REST calls, the
 * technicians' and logistics' calls, a carrier's signed webhook, the employee's survey form, and the topics.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
public class CrossServiceFlowsE2ETest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The delivery address given to logistics-service: the personal-data scan looks for each part everywhere. */
    public static final List<String> DELIVERY_ADDRESS_PARTS = List.of("Camille Rousseau", "17 rue des Tanneries",
            "Dijon-Sud");
    LocalPlatform platform;

    @BeforeEach
    void platform() {
        platform = SharedPlatform.platform();
    }

    @Test
    void aKeyboardDeliveredAtHomeAtEachSiteResolvesTheTicketAndItsSurveyIsAnsweredThroughTheForm() throws Exception {
        for (String site : List.of("STRASBOURG", "NANCY", "DIJON")) {
            keyboardDeliveredAndSurveyed(site);
        }
    }

    private void keyboardDeliveredAndSurveyed(String site) throws Exception {
        String employee = "E-E2E-KB-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                .body("{\"recipientName\": \"" + DELIVERY_ADDRESS_PARTS.get(0) + "\", \"line1\": \""
                        + DELIVERY_ADDRESS_PARTS.get(1) + "\", \"postalCode\": \"21000\", \"city\": \""
                        + DELIVERY_ADDRESS_PARTS.get(2) + "\", \"country\": \"FR\"}")
                .put(url("logistics-service", "/employees/" + employee + "/delivery-address"))
                .then().statusCode(200);
        long answersBefore = surveyAnswers(site);
        String ticket = openTicket(site, employee, "ACCESSORY", "\"accessory\": \"KEYBOARD\"");
        escalate(ticket, "SHIPMENT");

        Map<String, Object> shipment = await().atMost(PATIENCE).until(() -> given()
                .auth().oauth2(platform.token("logistics-operator")).queryParam("ticketId", ticket)
                .get(url("logistics-service", "/shipments")).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().findFirst().orElse(null), Objects::nonNull);
        assertThat(shipment.get("method")).isEqualTo("STANDARD_PARCEL");
        // The carrier reports the delivery as it happens: after the dispatch that ticket-service has recorded.
        String delivered = "{\"status\": \"DELIVERED\", \"at\": \"" + Instant.now() + "\"}";
        given().header("X-Signature", signature(delivered)).contentType(ContentType.JSON).body(delivered)
                .post(url("logistics-service", "/shipments/" + shipment.get("id") + "/tracking"))
                .then().statusCode(204);
        awaitTicket(ticket, "RESOLVED");

        String surveyUrl = JsonPath.from(await().atMost(PATIENCE).until(() -> TopicReader.readAll(
                platform.kafkaBootstrapServers(), platform.kafkaAdminAccess(), "survey.events").stream()
                .filter(r -> ticket.equals(r.key()) && "SurveyInvitationIssued".equals(TopicReader.header(r,
                        "ce_type"))).findFirst().orElse(null), Objects::nonNull).value()).getString("surveyUrl");
        assertThat(surveyUrl).startsWith(platform.service("survey-service").baseUrl() + "/surveys/");
        given().get(surveyUrl).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("rating", "5")
                .formParam("comment", "Reçu le lendemain").post(surveyUrl)
                .then().statusCode(200).body(containsString("Merci"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("rating", "1")
                .post(surveyUrl).then().statusCode(409).body(containsString("déjà répondu"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(surveyAnswers(site))
                .isEqualTo(answersBefore + 1));
    }

    @Test
    void aHeadsetAtEachSiteGoesTheFastestWayTheSiteHasAndResolvesTheTicket() throws Exception {
        for (String site : List.of("STRASBOURG", "NANCY", "DIJON")) {
            String employee = "E-E2E-HS-" + site;
            given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                    .body("{\"recipientName\": \"" + DELIVERY_ADDRESS_PARTS.get(0) + "\", \"line1\": \""
                            + DELIVERY_ADDRESS_PARTS.get(1) + "\", \"postalCode\": \"21000\", \"city\": \""
                            + DELIVERY_ADDRESS_PARTS.get(2) + "\", \"country\": \"FR\"}")
                    .put(url("logistics-service", "/employees/" + employee + "/delivery-address"))
                    .then().statusCode(200);
            String ticket = openTicket(site, employee, "ACCESSORY", "\"accessory\": \"HEADSET\"");
            escalate(ticket, "SHIPMENT");
            Map<String, Object> shipment = await().atMost(PATIENCE).until(() -> given()
                    .auth().oauth2(platform.token("logistics-operator")).queryParam("ticketId", ticket)
                    .get(url("logistics-service", "/shipments")).then().statusCode(200).extract().jsonPath()
                    .<Map<String, Object>>getList("$").stream().findFirst().orElse(null), Objects::nonNull);
            assertThat(shipment.get("interimArrangement")).as(site).isEqualTo("BUBBLE_ROOM");
            String id = (String) shipment.get("id");
            String logistics = platform.token("logistics-operator");
            switch ((String) shipment.get("method")) {
                case "LOCKER" -> {
                    String locker = given().auth().oauth2(logistics).queryParam("site", site)
                            .get(url("logistics-service", "/lockers")).then().statusCode(200).extract()
                            .path("[0].lockerId");
                    JsonPath receipt = given().auth().oauth2(logistics).contentType(ContentType.JSON)
                            .body("{\"shipmentId\": \"" + id + "\"}")
                            .post(url("logistics-service", "/lockers/" + locker + "/deposits"))
                            .then().statusCode(201).extract().jsonPath();
                    awaitTicket(ticket, "AWAITING_PICKUP");
                    String collected = "{\"event\": \"COLLECTED\", \"compartment\": \""
                            + receipt.getString("compartment") + "\", \"code\": \"" + receipt.getString("pickupCode")
                            + "\", \"at\": \"" + Instant.now() + "\"}";
                    given().header("X-Signature", signature(collected)).contentType(ContentType.JSON)
                            .body(collected).post(url("logistics-service", "/lockers/" + locker + "/door-events"))
                            .then().statusCode(org.hamcrest.Matchers.lessThan(300));
                }
                case "OSS_HANDOVER" -> given().auth().oauth2(logistics)
                        .post(url("logistics-service", "/shipments/" + id + "/handover")).then().statusCode(200);
                default -> {
                    String delivered = "{\"status\": \"DELIVERED\", \"at\": \"" + Instant.now() + "\"}";
                    given().header("X-Signature", signature(delivered)).contentType(ContentType.JSON)
                            .body(delivered).post(url("logistics-service", "/shipments/" + id + "/tracking"))
                            .then().statusCode(204);
                }
            }
            awaitTicket(ticket, "RESOLVED");
        }
    }

    @Test
    void aReturnCollectedByATechnicianIsReceivedAssetByAssetAndResolvesTheTicket() throws Exception {
        String asset = "PC-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String ticket = openTicket("STRASBOURG", "E-E2E-RET", "EQUIPMENT_RETURN",
                "\"assetTags\": [\"" + asset + "\"]");
        escalate(ticket, "RETURN");

        Map<String, Object> visit = await().atMost(PATIENCE).until(() -> given()
                .auth().oauth2(platform.token("dispatcher")).queryParam("ticketId", ticket)
                .get(url("dispatch-service", "/interventions")).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().findFirst().orElse(null), Objects::nonNull);
        assertThat(visit.get("kind")).isEqualTo("COLLECTION");
        String technician = platform.token("technician-" + visit.get("technicianId"));
        given().auth().oauth2(technician).contentType(ContentType.JSON).body("{\"outcome\": \"FIXED\"}")
                .post(url("dispatch-service", "/interventions/" + visit.get("id") + "/completion"))
                .then().statusCode(200);

        String returnId = await().atMost(PATIENCE).until(() -> given()
                .auth().oauth2(platform.token("logistics-operator")).queryParam("ticketId", ticket)
                .get(url("logistics-service", "/returns")).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(r -> "COLLECTED".equals(r.get("status")))
                .map(r -> (String) r.get("id")).findFirst().orElse(null), Objects::nonNull);
        given().auth().oauth2(platform.token("logistics-operator")).contentType(ContentType.JSON)
                .body("{\"asset\": \"" + asset + "\", \"condition\": \"GOOD\"}")
                .post(url("logistics-service", "/returns/" + returnId + "/receipts")).then().statusCode(200);
        awaitTicket(ticket, "RESOLVED");
        List<Map<String, Object>> custody = given().auth().oauth2(platform.token("logistics-operator"))
                .queryParam("asset", asset).get(url("logistics-service", "/custody")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(custody).extracting(e -> e.get("action")).contains("RETURN_REQUESTED",
                "COLLECTED_BY_TECHNICIAN");
    }

    @Test
    void eachSiteResolvesAHardwareIncidentRemotely() throws Exception {
        for (String site : List.of("STRASBOURG", "NANCY", "DIJON")) {
            String ticket = openTicket(site, "E-E2E-REMOTE", "HARDWARE", "");
            given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                    .body("{\"note\": \"Driver reinstalled remotely\"}")
                    .post(url("ticket-service", "/tickets/" + ticket + "/remote-resolution"))
                    .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolvedRemotely", equalTo(true));
        }
    }

    @Test
    void aSickDayMovesTheVisitToAColleagueAndWhenNoOneIsLeftTheTicketIsAtRisk() throws Exception {
        // A site of its own, so that the sick day touches no other scenario: two roving technicians from one base.
        String admin = platform.issueToken("e2e-admin", List.of("admin", "dispatcher"), Duration.ofMinutes(10));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"Metz\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \"FR-57\"}")
                .put(url("ticket-service", "/sites/METZ")).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"mode\": \"ROVING\", \"holidayRegion\": \"FR-57\", \"timeZone\": \"Europe/Paris\", "
                        + "\"onSiteMinutes\": 60, \"meetingRoomMinutes\": 45, \"collectionMinutes\": 30, "
                        + "\"latitude\": 49.1193, \"longitude\": 6.1757}")
                .put(url("dispatch-service", "/sites/METZ/policies/2025-01-01")).then().statusCode(200);
        for (String technician : List.of("T-METZ-A", "T-METZ-B")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"Roving, Moselle\", \"team\": \"GRAND_EST\", \"baseLatitude\": 49.12, "
                            + "\"baseLongitude\": 6.18, \"sites\": [\"METZ\"]}")
                    .put(url("dispatch-service", "/technicians/" + technician)).then().statusCode(200);
        }
        String ticket = openTicket("METZ", "E-E2E-SICK", "HARDWARE", "");
        escalate(ticket, "ON_SITE");
        awaitTicket(ticket, "APPOINTMENT_BOOKED");
        Map<String, Object> visit = given().auth().oauth2(platform.token("dispatcher")).queryParam("ticketId", ticket)
                .get(url("dispatch-service", "/interventions")).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").get(0);
        assertThat(visit.get("technicianId")).isEqualTo("T-METZ-A");
        @SuppressWarnings("unchecked")
        Map<String, String> window = (Map<String, String>) visit.get("window");

        // T-METZ-A calls in sick for the day of the visit: the colleague takes it, within the same promise.
        Instant start = Instant.parse(window.get("start"));
        given().auth().oauth2(platform.token("dispatcher")).contentType(ContentType.JSON)
                .body("{\"startsAt\": \"" + start.minus(Duration.ofHours(2)) + "\", \"endsAt\": \""
                        + start.plus(Duration.ofHours(10)) + "\", \"reason\": \"SICKNESS\"}")
                .post(url("dispatch-service", "/technicians/T-METZ-A/absences")).then().statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(platform.token("desk-agent"))
                .get(url("ticket-service", "/tickets/" + ticket)).then().statusCode(200)
                .body("timeline.kind", org.hamcrest.Matchers.hasItem("APPOINTMENT_RESCHEDULED"))
                .body("timeline.detail", org.hamcrest.Matchers.hasItem(containsString("T-METZ-B")))
                .body("status", equalTo("APPOINTMENT_BOOKED")));

        // Then both are off until after the promise: the visit can only come late, and the ticket says so.
        Instant deadline = Instant.parse((String) visit.get("deadline"));
        for (String technician : List.of("T-METZ-A", "T-METZ-B")) {
            given().auth().oauth2(platform.token("dispatcher")).contentType(ContentType.JSON)
                    .body("{\"startsAt\": \"" + start.minus(Duration.ofHours(2)) + "\", \"endsAt\": \""
                            + deadline.plus(Duration.ofDays(1)) + "\", \"reason\": \"SICKNESS\"}")
                    .post(url("dispatch-service", "/technicians/" + technician + "/absences")).then().statusCode(201);
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(platform.token("desk-agent"))
                .get(url("ticket-service", "/tickets/" + ticket)).then().statusCode(200)
                .body("status", equalTo("AT_RISK"))
                .body("timeline.kind", org.hamcrest.Matchers.hasItem("AT_RISK")));
    }

    @Test
    void aMeetingRoomIncidentIsVisitedByTheAudioVisualTechnicianAndResolved() throws Exception {
        String ticket = openTicket("DIJON", "E-E2E-ROOM", "MEETING_ROOM", "\"roomId\": \"DIJ-DUCS\"");
        escalate(ticket, "MEETING_ROOM");
        awaitTicket(ticket, "APPOINTMENT_BOOKED");
        Map<String, Object> visit = given().auth().oauth2(platform.token("dispatcher")).queryParam("ticketId", ticket)
                .get(url("dispatch-service", "/interventions")).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").get(0);
        assertThat(visit.get("kind")).isEqualTo("MEETING_ROOM");
        given().auth().oauth2(platform.token("technician-" + visit.get("technicianId"))).contentType(ContentType.JSON)
                .body("{\"outcome\": \"FIXED\"}")
                .post(url("dispatch-service", "/interventions/" + visit.get("id") + "/completion"))
                .then().statusCode(200);
        awaitTicket(ticket, "RESOLVED");
    }

    @Test
    void aNewHiresKitIsPreparedForTheStartDateAndResolvesTheTicket() throws Exception {
        String startDate = java.time.LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(14).toString();
        String ticket = openTicket("NANCY", "E-E2E-NEW-HIRE", "ALLOCATION", "");
        given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                .body("{\"kind\": \"ALLOCATION\", \"startDate\": \"" + startDate + "\"}")
                .post(url("ticket-service", "/tickets/" + ticket + "/escalation")).then().statusCode(202);
        String logistics = platform.token("logistics-operator");
        Map<String, Object> allocation = await().atMost(PATIENCE).until(() -> given().auth().oauth2(logistics)
                .queryParam("ticketId", ticket).get(url("logistics-service", "/allocations")).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream().findFirst().orElse(null),
                Objects::nonNull);
        assertThat(allocation.get("startDate")).isEqualTo(startDate);
        given().auth().oauth2(logistics).contentType(ContentType.JSON)
                .body("{\"assets\": [\"PC-NCY-NEW-1\", \"DOCK-NCY-NEW-1\"]}")
                .post(url("logistics-service", "/allocations/" + allocation.get("id") + "/preparation"))
                .then().statusCode(200);
        awaitTicket(ticket, "RESOLVED");
    }

    @Test
    void aReturnDepositedInALockerByTheEmployeeIsTracedToStock() throws Exception {
        String employee = "E-E2E-LOCKER";
        String asset = "HS-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String returnId = given().auth().oauth2(platform.issueToken(employee, List.of("employee"),
                        Duration.ofMinutes(10))).contentType(ContentType.JSON)
                .body("{\"employeeId\": \"" + employee + "\", \"site\": \"NANCY\", \"assets\": [\"" + asset
                        + "\"], \"collection\": \"LOCKER\"}")
                .post(url("logistics-service", "/returns")).then().statusCode(201).extract().path("id");
        String logistics = platform.token("logistics-operator");
        List<Map<String, Object>> banks = given().auth().oauth2(logistics).queryParam("site", "NANCY")
                .get(url("logistics-service", "/lockers")).then().statusCode(200).extract().jsonPath().getList("$");
        String locker = (String) banks.get(0).get("lockerId");
        @SuppressWarnings("unchecked")
        String compartment = ((List<Map<String, Object>>) banks.get(0).get("compartments")).stream()
                .filter(c -> !Boolean.TRUE.equals(c.get("occupied"))).map(c -> (String) c.get("compartment"))
                .findFirst().orElseThrow();
        String deposited = "{\"event\": \"DEPOSITED\", \"compartment\": \"" + compartment + "\", \"returnId\": \""
                + returnId + "\", \"at\": \"" + Instant.now() + "\"}";
        given().header("X-Signature", signature(deposited)).contentType(ContentType.JSON).body(deposited)
                .post(url("logistics-service", "/lockers/" + locker + "/door-events")).then().statusCode(204);
        String collected = "{\"event\": \"COLLECTED\", \"compartment\": \"" + compartment
                + "\", \"actor\": \"L-OPS-E2E\", \"at\": \"" + Instant.now() + "\"}";
        given().header("X-Signature", signature(collected)).contentType(ContentType.JSON).body(collected)
                .post(url("logistics-service", "/lockers/" + locker + "/door-events")).then().statusCode(204);
        given().auth().oauth2(logistics).contentType(ContentType.JSON)
                .body("{\"asset\": \"" + asset + "\", \"condition\": \"GOOD\"}")
                .post(url("logistics-service", "/returns/" + returnId + "/receipts")).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        List<Map<String, Object>> custody = given().auth().oauth2(logistics).queryParam("asset", asset)
                .get(url("logistics-service", "/custody")).then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(custody).extracting(e -> e.get("action")).containsExactly("RETURN_REQUESTED",
                "DEPOSITED_IN_LOCKER", "COLLECTED_FROM_LOCKER", "RECEIVED_IN_STOCK");
        assertThat(TopicReader.readAll(platform.kafkaBootstrapServers(), platform.kafkaAdminAccess(),
                "logistics.events")).filteredOn(r -> returnId.equals(r.key()))
                .extracting(r -> TopicReader.header(r, "ce_type"))
                .contains("ReturnRequested", "LockerDeposited", "LockerCollected", "ReturnReceived");
    }

    private String openTicket(String site, String employee, String category, String extra) throws Exception {
        return given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                .body("{\"employeeId\": \"" + employee + "\", \"site\": \"" + site + "\", \"category\": \""
                        + category + "\", \"summary\": \"End-to-end\"" + (extra.isEmpty() ? "" : ", " + extra) + "}")
                .post(url("ticket-service", "/tickets")).then().statusCode(201).extract().path("id");
    }

    private void escalate(String ticket, String kind) throws Exception {
        given().auth().oauth2(platform.token("desk-agent")).contentType(ContentType.JSON)
                .body("{\"kind\": \"" + kind + "\"}").post(url("ticket-service", "/tickets/" + ticket + "/escalation"))
                .then().statusCode(202);
    }

    private void awaitTicket(String ticket, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(platform.token("desk-agent"))
                .get(url("ticket-service", "/tickets/" + ticket)).then().statusCode(200)
                .body("status", equalTo(status)));
    }

    private long surveyAnswers(String site) throws Exception {
        Integer answers = given().auth().oauth2(platform.token("pilot-manager")).queryParam("site", site)
                .queryParam("month", YearMonth.now(ZoneId.of("Europe/Paris")).toString())
                .get(url("survey-service", "/pilot/kpis")).then().statusCode(200)
                .extract().path("sites[0].surveyAnswers");
        return answers == null ? 0 : answers;
    }

    private String signature(String body) throws Exception {
        byte[] key = Files.readString(platform.settings().stateDir().resolve("secrets/webhook.key")).trim()
                .getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String url(String service, String path) {
        return platform.service(service).baseUrl() + path;
    }
}
