package org.fieldsupport.logistics.lockers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldsupport.logistics.LogisticsTestSupport.JSON;
import static org.fieldsupport.logistics.LogisticsTestSupport.admin;
import static org.fieldsupport.logistics.LogisticsTestSupport.as;
import static org.fieldsupport.logistics.LogisticsTestSupport.awaitEvent;
import static org.fieldsupport.logistics.LogisticsTestSupport.custody;
import static org.fieldsupport.logistics.LogisticsTestSupport.payload;
import static org.fieldsupport.logistics.LogisticsTestSupport.publishEscalation;
import static org.fieldsupport.logistics.LogisticsTestSupport.webhook;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

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

/**
 * A headset for pickup in a locker at a site of its own (its own stock and bank, so other tests cannot touch them):
 * a wrong code changes nothing, and a pickup left past expiry goes back to stock.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "logistics_service"))
@WithTestResource(value = WebhookSecretTestResource.class, scope = TestResourceScope.GLOBAL)
class LockerFlowTest {

    @Inject
    LockerExpiry expiry;

    @BeforeEach
    void referenceData() {
        LogisticsTestSupport.seedReferenceData();
    }

    @Test
    void aPickupLeftPastExpiryGoesBackToStockWithAnEvent() throws Exception {
        String site = "LOCKERSITE" + suffix();
        String stockId = site + "-STOCK";
        String locker = site + "-L1";
        admin().body(Map.of("locationKind", "SITE_STOCK", "site", site, "available", 1, "lowThreshold", 0))
                .put("/stock/" + stockId + "/HEADSET").then().statusCode(200);
        admin().body(Map.of("site", site, "compartments", List.of("A01"))).put("/lockers/" + locker).then()
                .statusCode(200);

        String ticket = UUID.randomUUID().toString();
        publishEscalation(ticket, site, "SHIPMENT", "E-LOCK-" + suffix(), "HEADSET", List.of(), 1,
                "2025-10-07T08:00:00Z", UUID.randomUUID().toString());
        JsonNode sent = payload(awaitEvent(ticket, "ShipmentDispatched"));
        assertThat(sent.get("method").asText()).isEqualTo("LOCKER");
        assertThat(available(stockId)).isZero();
        String shipmentId = sent.get("shipmentId").asText();

        // Only a dispatched LOCKER shipment can be deposited, once.
        String body = as("logistics-operator").contentType(ContentType.JSON).body(Map.of("shipmentId", shipmentId))
                .post("/lockers/" + locker + "/deposits").then().statusCode(201).extract().asString();
        JsonNode receipt = JSON.readTree(body);
        String code = receipt.get("pickupCode").asText();
        assertThat(code).matches("[0-9]{8}");
        assertThat(TestDatabase.number("select count(*) from locker_deposit where shipment_id = '" + shipmentId
                + "' and code_hash <> '" + code + "'")).isEqualTo(1);
        as("logistics-operator").contentType(ContentType.JSON).body(Map.of("shipmentId", shipmentId))
                .post("/lockers/" + locker + "/deposits").then().statusCode(409);
        Instant expiresAt = Instant.parse(payload(awaitEvent(ticket, "LockerDeposited")).get("expiresAt").asText());

        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        webhook("/lockers/" + locker + "/door-events", "{\"event\": \"COLLECTED\", \"compartment\": \"A01\", "
                + "\"code\": \"" + wrong + "\", \"at\": \"" + Instant.now() + "\"}", null).then().statusCode(422)
                .contentType("application/problem+json");
        as("logistics-operator").get("/lockers?site=" + site).then().body("[0].compartments[0].occupied",
                equalTo(true));

        assertThat(expiry.sweep(expiresAt.minusSeconds(1))).isZero();
        assertThat(expiry.sweep(expiresAt.plus(Duration.ofMinutes(1)))).isEqualTo(2);
        JsonNode expired = payload(awaitEvent(ticket, "LockerExpired"));
        assertThat(expired.get("itemCode").asText()).isEqualTo("HEADSET");
        assertThat(expired.get("compartment").asText()).isEqualTo("A01");
        assertThat(payload(awaitEvent(ticket, "ShipmentFailed")).get("reason").asText()).contains("expired");
        assertThat(available(stockId)).isEqualTo(1);
        as("desk-agent").queryParam("ticketId", ticket).get("/shipments").then()
                .body("[0].status", equalTo("RETURNED_TO_STOCK"));
        as("logistics-operator").get("/lockers?site=" + site).then().body("[0].compartments[0].occupied",
                equalTo(false));

        // The code no longer opens anything, and the log of the bank tells the whole story.
        webhook("/lockers/" + locker + "/door-events", "{\"event\": \"COLLECTED\", \"compartment\": \"A01\", "
                + "\"code\": \"" + code + "\", \"at\": \"" + Instant.now() + "\"}", null).then().statusCode(409);
        List<Map<String, Object>> log = as("logistics-operator").get("/lockers/" + locker + "/custody").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(log).extracting(e -> e.get("action")).containsExactly("DEPOSITED_IN_LOCKER",
                "EXPIRED_BACK_TO_STOCK");
        assertThat(custody("HEADSET")).filteredOn(e -> shipmentId.equals(e.get("shipmentId"))).hasSize(2);
    }

    @Test
    void theCustodyLogIsAppendOnly() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestDatabase.number("with changed as (update custody_entry set actor = 'forged' returning 1) "
                        + "select count(*) from changed"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestDatabase.number("with gone as (delete from custody_entry returning 1) "
                        + "select count(*) from gone"));
        assertThat(TestDatabase.number("select count(*) from custody_entry where actor = 'forged'")).isZero();
    }

    static int available(String location) {
        return (int) TestDatabase.number("select available from stock_level where location_id = '" + location
                + "' and item_code = 'HEADSET'");
    }

    static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }
}
