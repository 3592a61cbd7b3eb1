package org.fieldsupport.logistics.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.logistics.LogisticsTestSupport.JSON;
import static org.fieldsupport.logistics.LogisticsTestSupport.address;
import static org.fieldsupport.logistics.LogisticsTestSupport.admin;
import static org.fieldsupport.logistics.LogisticsTestSupport.as;
import static org.fieldsupport.logistics.LogisticsTestSupport.awaitEvent;
import static org.fieldsupport.logistics.LogisticsTestSupport.payload;
import static org.fieldsupport.logistics.LogisticsTestSupport.publishEscalation;
import static org.fieldsupport.logistics.LogisticsTestSupport.typesOn;
import static org.fieldsupport.logistics.LogisticsTestSupport.webhook;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.fieldsupport.logistics.LogisticsTestSupport;
import org.fieldsupport.logistics.WebhookSecretTestResource;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TopicRecords;

/** From TicketEscalated SHIPMENT to delivery, on the real broker and database. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "logistics_service"))
@WithTestResource(value = WebhookSecretTestResource.class, scope = TestResourceScope.GLOBAL)
class ShipmentFlowTest {

    @BeforeEach
    void referenceData() {
        LogisticsTestSupport.seedReferenceData();
    }

    @Test
    void aKeyboardAndAHeadsetAtEachSiteTakeTheRightRouteToDelivery() {
        for (String site : List.of("STRASBOURG", "NANCY", "DIJON")) {
            String employee = "E-" + site + "-" + suffix();
            address(employee, "Camille Testeur", "12 rue des Essais", "54000", "Nancy");

            String keyboard = UUID.randomUUID().toString();
            publishEscalation(keyboard, site, "SHIPMENT", employee, "KEYBOARD", List.of(), 1, "2025-10-07T08:00:00Z",
                    UUID.randomUUID().toString());
            JsonNode sent = payload(awaitEvent(keyboard, "ShipmentDispatched"));
            assertThat(sent.get("method").asText()).as(site).isEqualTo("STANDARD_PARCEL");
            assertThat(sent.get("interimArrangement").asText()).isEqualTo("NONE");
            assertThat(sent.get("co2eKg").asDouble()).isEqualTo(0.6);
            track(sent.get("shipmentId").asText(), "IN_TRANSIT", "2025-10-08T08:00:00Z").then().statusCode(204);
            track(sent.get("shipmentId").asText(), "DELIVERED", "2025-10-09T09:00:00Z").then().statusCode(204);
            // ticket-service resolves the ticket on ShipmentDelivered (ProgressRules).
            assertThat(payload(awaitEvent(keyboard, "ShipmentDelivered")).get("shipmentId").asText())
                    .isEqualTo(sent.get("shipmentId").asText());

            String headset = UUID.randomUUID().toString();
            publishEscalation(headset, site, "SHIPMENT", employee, "HEADSET", List.of(), 1, "2025-10-07T08:00:00Z",
                    UUID.randomUUID().toString());
            JsonNode fast = payload(awaitEvent(headset, "ShipmentDispatched"));
            assertThat(fast.get("interimArrangement").asText()).isEqualTo("BUBBLE_ROOM");
            String shipmentId = fast.get("shipmentId").asText();
            if (site.equals("NANCY")) {
                // Nancy keeps headsets on site and has a locker: no parcel, collected with a one-time code.
                assertThat(fast.get("method").asText()).isEqualTo("LOCKER");
                assertThat(fast.get("co2eKg").asDouble()).isZero();
                JsonNode receipt = deposit("NANCY-L1", shipmentId);
                JsonNode deposited = payload(awaitEvent(headset, "LockerDeposited"));
                assertThat(deposited.get("purpose").asText()).isEqualTo("PICKUP");
                assertThat(deposited.get("compartment").asText()).isEqualTo(receipt.get("compartment").asText());
                doorEvent("NANCY-L1", receipt.get("compartment").asText(), receipt.get("pickupCode").asText(),
                        java.time.Instant.now().toString()).then().statusCode(204);
                assertThat(payload(awaitEvent(headset, "LockerCollected")).get("purpose").asText())
                        .isEqualTo("PICKUP");
                awaitEvent(headset, "ShipmentDelivered");
                assertThat(LogisticsTestSupport.custody("HEADSET").stream()
                        .filter(e -> shipmentId.equals(e.get("shipmentId"))).map(e -> e.get("action")))
                        .containsExactly("DEPOSITED_IN_LOCKER", "COLLECTED_FROM_LOCKER");
            } else {
                // No stock on site: the fastest option is an express parcel.
                assertThat(fast.get("method").asText()).isEqualTo("EXPRESS_PARCEL");
                assertThat(fast.get("co2eKg").asDouble()).isEqualTo(0.6);
                track(shipmentId, "DELIVERED", "2025-10-08T09:00:00Z").then().statusCode(204);
                awaitEvent(headset, "ShipmentDelivered");
            }
            shipments(headset).then().body("[0].status", equalTo("DELIVERED"));
        }
    }

    @Test
    void aHeadsetAtASiteWithStockAndAnOnSiteTechnicianButNoLockerIsHandedOver() {
        String site = "HANDOVERSITE" + suffix();
        admin().body(Map.of("ossHandover", true)).put("/sites/" + site + "/logistics").then().statusCode(200);
        admin().body(Map.of("locationKind", "SITE_STOCK", "site", site, "available", 2))
                .put("/stock/" + site + "-STOCK/HEADSET").then().statusCode(200);
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, site, "SHIPMENT", "E-OSS-" + suffix(), "HEADSET", List.of(), 1,
                "2025-10-07T08:00:00Z", UUID.randomUUID().toString());
        JsonNode sent = payload(awaitEvent(ticket, "ShipmentDispatched"));
        assertThat(sent.get("method").asText()).isEqualTo("OSS_HANDOVER");
        assertThat(sent.get("interimArrangement").asText()).isEqualTo("BUBBLE_ROOM");
        String shipmentId = sent.get("shipmentId").asText();
        // A carrier cannot report on a hand-over; the technician reports it, and a repeat changes nothing.
        track(shipmentId, "DELIVERED", "2025-10-07T09:00:00Z").then().statusCode(409);
        for (int i = 0; i < 2; i++) {
            as("technician").post("/shipments/" + shipmentId + "/handover").then().statusCode(200)
                    .body("status", equalTo("DELIVERED"));
        }
        awaitEvent(ticket, "ShipmentDelivered");
        assertThat(outboxCount(ticket, "ShipmentDelivered")).isEqualTo(1);
        as("desk-agent").post("/shipments/" + shipmentId + "/handover").then().statusCode(403);
    }

    @Test
    void aWebhookReportFromTheFutureOrUnreadableIsRefused() {
        String employee = "E-FUTURE-" + suffix();
        address(employee, "Ana Essai", "6 rue du Test", "54000", "Nancy");
        String ticket = UUID.randomUUID().toString();
        String shipmentId = order(ticket, employee, "NANCY", "MOUSE").get("id").asText();
        track(shipmentId, "DELIVERED", java.time.Instant.now().plusSeconds(3600).toString()).then().statusCode(400)
                .contentType("application/problem+json");
        webhook("/shipments/" + shipmentId + "/tracking", "{\"status\": \"DELIVERED\", \"at\": "
                + "\"2025-10-08T09:00:00Z\", \"signedBy\": \"carrier\"}", null).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("signedBy"));
        webhook("/shipments/" + shipmentId + "/tracking", "{\"status\": \"LOST\", \"at\": "
                + "\"2025-10-08T09:00:00Z\"}", null).then().statusCode(400);
        shipments(ticket).then().body("[0].status", equalTo("DISPATCHED"));
    }

    @Test
    void aShipmentWithoutAddressWaitsAndLeavesWhenTheDeskRecordsIt() {
        String employee = "E-NOADDR-" + suffix();
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "DIJON", "SHIPMENT", employee, "MOUSE", List.of(), 1, "2025-10-07T08:00:00Z",
                UUID.randomUUID().toString());
        JsonNode waiting = payload(awaitEvent(ticket, "ShipmentAwaitingAddress"));
        assertThat(waiting.get("accessory").asText()).isEqualTo("MOUSE");
        shipments(ticket).then().body("[0].status", equalTo("AWAITING_ADDRESS"));
        track(waiting.get("shipmentId").asText(), "DELIVERED", "2025-10-08T09:00:00Z").then().statusCode(409);

        address(employee, "Dominique Essai", "3 place du Test", "21000", "Dijon");
        JsonNode sent = payload(awaitEvent(ticket, "ShipmentDispatched"));
        assertThat(sent.get("shipmentId").asText()).isEqualTo(waiting.get("shipmentId").asText());
        assertThat(sent.get("method").asText()).isEqualTo("STANDARD_PARCEL");
        shipments(ticket).then().body("[0].status", equalTo("DISPATCHED"));
    }

    @Test
    void aCancelledTicketCallsOffTheShipmentWaitingForItsAddress() throws Exception {
        String item = "TESTMS" + suffix();
        String warehouse = "TESTWH" + suffix();
        item(item, false);
        stock(warehouse, item, 4);
        String employee = "E-CANCEL-" + suffix();
        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, "DIJON", "SHIPMENT", employee, item, List.of(), 1, "2025-10-07T08:00:00Z",
                UUID.randomUUID().toString());
        awaitEvent(ticket, "ShipmentAwaitingAddress");
        assertThat(available(warehouse, item)).isEqualTo(3);

        com.fasterxml.jackson.databind.node.ObjectNode cancelled = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of(
                        "../ticket-service/src/main/resources/contracts/examples/TicketCancelled.json")));
        cancelled.put("ticketId", ticket).put("site", "DIJON").put("occurredAt", "2025-10-07T09:00:00Z");
        TopicRecords.send("ticket.events", ticket, cancelled.toString(), TopicRecords.cloudEventHeaders(
                UUID.randomUUID().toString(), "TicketCancelled", "urn:field-support:ticket-service", ticket,
                "2025-10-07T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> shipments(ticket).then()
                .body("[0].status", equalTo("CANCELLED")));
        assertThat(available(warehouse, item)).isEqualTo(4);
        address(employee, "Jo Essai", "7 rue du Test", "21000", "Dijon");
        assertThat(outboxCount(ticket, "ShipmentDispatched")).isZero();
    }

    @Test
    void aFailedDeliveryIsReportedOnceAndTheUnitComesBackToStock() {
        String item = "TESTKB" + suffix();
        String warehouse = "TESTWH" + suffix();
        item(item, false);
        stock(warehouse, item, 5);
        String employee = "E-FAIL-" + suffix();
        address(employee, "Alex Essai", "5 avenue du Test", "67000", "Strasbourg");
        String ticket = UUID.randomUUID().toString();
        Map<String, String> request = Map.of("ticketId", ticket, "employeeId", employee, "site", "STRASBOURG",
                "accessory", item);
        String shipmentId = as("desk-agent").contentType(ContentType.JSON).header("Idempotency-Key", "k-" + ticket)
                .body(request).post("/shipments").then().statusCode(201).extract().jsonPath().getString("id");
        // The desk's retry with the same key replays the answer: no second shipment, no second unit taken.
        as("desk-agent").contentType(ContentType.JSON).header("Idempotency-Key", "k-" + ticket).body(request)
                .post("/shipments").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(shipmentId));
        assertThat(available(warehouse, item)).isEqualTo(4);

        String failure = "{\"status\": \"FAILED\", \"at\": \"2025-10-08T16:00:00Z\", \"reason\": \"Recipient absent\"}";
        webhook("/shipments/" + shipmentId + "/tracking", failure, null).then().statusCode(204);
        webhook("/shipments/" + shipmentId + "/tracking", failure, null).then().statusCode(204);
        assertThat(payload(awaitEvent(ticket, "ShipmentFailed")).get("reason").asText())
                .isEqualTo("Recipient absent");
        assertThat(outboxCount(ticket, "ShipmentFailed")).isEqualTo(1);
        assertThat(available(warehouse, item)).isEqualTo(5);
        track(shipmentId, "DELIVERED", "2025-10-09T09:00:00Z").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aBadlySignedWebhookIsRejectedAndChangesNothing() {
        String employee = "E-SIG-" + suffix();
        address(employee, "Sam Essai", "9 chemin du Test", "54000", "Nancy");
        String ticket = UUID.randomUUID().toString();
        String shipmentId = order(ticket, employee, "NANCY", "KEYBOARD").get("id").asText();
        String delivered = "{\"status\": \"DELIVERED\", \"at\": \"2025-10-08T09:00:00Z\"}";
        String path = "/shipments/" + shipmentId + "/tracking";

        webhook(path, delivered, "sha256=" + "0".repeat(64)).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        webhook(path, delivered, "not-a-signature").then().statusCode(401);
        webhook(path, delivered, LogisticsTestSupport.sign(delivered.replace("09:00", "10:00"))).then()
                .statusCode(401);
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(delivered).post(path).then()
                .statusCode(401).contentType("application/problem+json");

        shipments(ticket).then().body("[0].status", equalTo("DISPATCHED"));
        assertThat(outboxCount(ticket, "ShipmentDelivered")).isZero();
    }

    @Test
    void duplicateCarrierWebhooksDeliverOnce() {
        String employee = "E-DUP-" + suffix();
        address(employee, "Lou Essai", "1 impasse du Test", "21000", "Dijon");
        String ticket = UUID.randomUUID().toString();
        String shipmentId = order(ticket, employee, "DIJON", "DOCKING_STATION").get("id").asText();
        for (int i = 0; i < 3; i++) {
            track(shipmentId, "DELIVERED", "2025-10-08T09:00:00Z").then().statusCode(204);
        }
        awaitEvent(ticket, "ShipmentDelivered");
        assertThat(outboxCount(ticket, "ShipmentDelivered")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(typesOn(ticket))
                .containsExactly("ShipmentDispatched", "ShipmentDelivered"));
    }

    @Test
    void aRedeliveredOrRepeatedEscalationShipsOnce() {
        String employee = "E-REDELIV-" + suffix();
        address(employee, "Noa Essai", "2 rue du Test", "67000", "Strasbourg");
        String ticket = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishEscalation(ticket, "STRASBOURG", "SHIPMENT", employee, "MOUSE", List.of(), 1, "2025-10-07T08:00:00Z",
                eventId);
        publishEscalation(ticket, "STRASBOURG", "SHIPMENT", employee, "MOUSE", List.of(), 1, "2025-10-07T08:00:00Z",
                eventId);
        publishEscalation(ticket, "STRASBOURG", "SHIPMENT", employee, "MOUSE", List.of(), 1, "2025-10-07T08:00:00Z",
                UUID.randomUUID().toString());
        // A second escalation of the same ticket, on the same partition: once it is shipped, all before it was read.
        publishEscalation(ticket, "STRASBOURG", "SHIPMENT", employee, "MOUSE", List.of(), 2, "2025-10-10T08:00:00Z",
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                shipments(ticket).then().statusCode(200).extract().jsonPath().getList("$")).hasSize(2));
        assertThat(outboxCount(ticket, "ShipmentDispatched")).isEqualTo(2);
    }

    @Test
    void concurrentShipmentsNeverTakeMoreThanTheLastUnits() throws Exception {
        String item = "TESTHS" + suffix();
        String warehouse = "TESTWH" + suffix();
        item(item, true);
        stock(warehouse, item, 3);
        String employee = "E-RACE-" + suffix();
        address(employee, "Eli Essai", "4 quai du Test", "21000", "Dijon");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return order(UUID.randomUUID().toString(), employee, "SITEWITHOUTSTOCK", item).get("status")
                            .asText();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> status : statuses) {
                outcomes.add(status.get());
            }
            assertThat(outcomes).filteredOn("DISPATCHED"::equals).hasSize(3);
            assertThat(outcomes).filteredOn("FAILED"::equals).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(available(warehouse, item)).isZero();
        JsonNode low = payload(awaitEvent(warehouse, "StockLow"));
        assertThat(low.get("itemCode").asText()).isEqualTo(item);
        assertThat(outboxCount(warehouse, "StockLow")).isEqualTo(1);
    }

    @Test
    void concurrentHeadsetsForASiteWithOneLeftGetItOnceAndTheRestGoExpress() throws Exception {
        String site = "LASTONE" + suffix();
        admin().body(Map.of("locationKind", "SITE_STOCK", "site", site, "available", 1, "lowThreshold", 0))
                .put("/stock/" + site + "-STOCK/HEADSET").then().statusCode(200);
        admin().body(Map.of("site", site, "compartments", List.of("A01", "A02", "A03"))).put("/lockers/" + site
                + "-L1").then().statusCode(200);
        String employee = "E-LAST-" + suffix();
        address(employee, "Eli Essai", "4 quai du Test", "21000", "Dijon");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> orders = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                orders.add(pool.submit(() -> {
                    start.await();
                    return order(UUID.randomUUID().toString(), employee, site, "HEADSET");
                }));
            }
            start.countDown();
            List<String> methods = new ArrayList<>();
            for (Future<JsonNode> order : orders) {
                JsonNode shipment = order.get();
                assertThat(shipment.get("status").asText()).isEqualTo("DISPATCHED");
                methods.add(shipment.get("method").asText());
            }
            assertThat(methods).filteredOn("LOCKER"::equals).hasSize(1);
            assertThat(methods).filteredOn("EXPRESS_PARCEL"::equals).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(available(site + "-STOCK", "HEADSET")).isZero();
    }

    static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    static io.restassured.response.Response track(String shipmentId, String status, String at) {
        return webhook("/shipments/" + shipmentId + "/tracking",
                "{\"status\": \"" + status + "\", \"at\": \"" + at + "\"}", null);
    }

    static io.restassured.response.Response shipments(String ticket) {
        return as("desk-agent").queryParam("ticketId", ticket).get("/shipments");
    }

    static JsonNode order(String ticket, String employee, String site, String accessory) {
        String body = as("desk-agent").contentType(ContentType.JSON).body(Map.of("ticketId", ticket, "employeeId",
                employee, "site", site, "accessory", accessory)).post("/shipments").then().statusCode(201).extract()
                .asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode deposit(String locker, String shipmentId) {
        String body = as("logistics-operator").contentType(ContentType.JSON)
                .body(Map.of("shipmentId", shipmentId)).post("/lockers/" + locker + "/deposits").then()
                .statusCode(201).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static io.restassured.response.Response doorEvent(String locker, String compartment, String code, String at) {
        return webhook("/lockers/" + locker + "/door-events", "{\"event\": \"COLLECTED\", \"compartment\": \""
                + compartment + "\", \"code\": \"" + code + "\", \"at\": \"" + at + "\"}", null);
    }

    static void item(String code, boolean blocksWork) {
        admin().body(Map.of("name", "Test item", "blocksWork", blocksWork, "parcelSize", "SMALL"))
                .put("/catalogue/" + code).then().statusCode(200);
    }

    static void stock(String location, String item, int units) {
        admin().body(Map.of("locationKind", "CENTRAL_WAREHOUSE", "available", units, "lowThreshold", 1))
                .put("/stock/" + location + "/" + item).then().statusCode(200);
    }

    static int available(String location, String item) {
        return (int) TestDatabase.number("select available from stock_level where location_id = '" + location
                + "' and item_code = '" + item + "'");
    }

    static long outboxCount(String key, String type) {
        return TestDatabase.number("select count(*) from outbox_event where record_key = '" + key
                + "' and event_type = '" + type + "'");
    }
}
