package org.fieldsupport.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

/** What the flow tests share: the reference data, the producers' example events, signed webhooks, awaited events. */
public final class LogisticsTestSupport {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String TOPIC = "logistics.events";
    /** The publishers' examples, read from their contract files: logistics depends on no other service's code. */
    static final Path ESCALATED = Path.of("../ticket-service/src/main/resources/contracts/examples/TicketEscalated.json");
    static final Path COMPLETED = Path.of(
            "../dispatch-service/src/main/resources/contracts/examples/InterventionCompleted.json");
    static final Path REFERENCE_DATA = Path.of("../deploy/reference-data/logistics.json");

    private LogisticsTestSupport() {
    }

    /** Puts deploy/reference-data/logistics.json through the admin API, as the launcher seeds the platform. */
    public static void seedReferenceData() {
        JsonNode data = read(REFERENCE_DATA);
        for (JsonNode item : data.get("catalogue")) {
            ObjectNode body = item.deepCopy();
            String code = body.remove("code").asText();
            admin().body(body.toString()).put("/catalogue/" + code).then().statusCode(200);
        }
        for (JsonNode site : data.get("sites")) {
            ObjectNode body = site.deepCopy();
            String code = body.remove("code").asText();
            admin().body(body.toString()).put("/sites/" + code + "/logistics").then().statusCode(200);
        }
        for (JsonNode level : data.get("stock")) {
            ObjectNode body = level.deepCopy();
            String location = body.remove("locationId").asText();
            String item = body.remove("itemCode").asText();
            admin().body(body.toString()).put("/stock/" + location + "/" + item).then().statusCode(200);
        }
        for (JsonNode locker : data.get("lockers")) {
            ObjectNode body = locker.deepCopy();
            String id = body.remove("lockerId").asText();
            admin().body(body.toString()).put("/lockers/" + id).then().statusCode(200);
        }
    }

    public static io.restassured.specification.RequestSpecification admin() {
        return as("admin").contentType(ContentType.JSON);
    }

    public static io.restassured.specification.RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role));
    }

    public static void address(String employeeId, String name, String line1, String postalCode, String city) {
        as("desk-agent").contentType(ContentType.JSON)
                .body(JSON.createObjectNode().put("recipientName", name).put("line1", line1)
                        .put("postalCode", postalCode).put("city", city).put("country", "FR").toString())
                .put("/employees/" + employeeId + "/delivery-address").then().statusCode(200);
    }

    /** Publishes ticket-service's example TicketEscalated with these values, as ticket-service would. */
    public static void publishEscalation(String ticket, String site, String kind, String employee, String accessory,
            List<String> assetTags, int escalation, String at, String eventId) {
        ObjectNode payload = (ObjectNode) read(ESCALATED);
        payload.put("ticketId", ticket).put("site", site).put("kind", kind).put("employeeId", employee)
                .put("escalation", escalation).put("occurredAt", at);
        payload.put("category", switch (kind) {
            case "SHIPMENT" -> "ACCESSORY";
            case "RETURN" -> "EQUIPMENT_RETURN";
            case "ALLOCATION" -> "ALLOCATION";
            default -> "HARDWARE";
        });
        if (accessory != null) {
            payload.put("accessory", accessory);
        }
        ArrayNode tags = payload.putArray("assetTags");
        assetTags.forEach(tags::add);
        TopicRecords.send("ticket.events", ticket, payload.toString(), TopicRecords.cloudEventHeaders(eventId,
                "TicketEscalated", "urn:field-support:ticket-service", ticket, at));
    }

    /** Publishes ticket-service's example TicketEscalated as a new hire's allocation. */
    public static void publishAllocation(String ticket, String site, String startDate, String at) {
        ObjectNode payload = (ObjectNode) read(ESCALATED);
        payload.put("ticketId", ticket).put("site", site).put("category", "ALLOCATION").put("kind", "ALLOCATION")
                .put("startDate", startDate).put("employeeId", "E-NEW-" + ticket.substring(0, 8))
                .put("occurredAt", at);
        TopicRecords.send("ticket.events", ticket, payload.toString(), TopicRecords.cloudEventHeaders(
                UUID.randomUUID().toString(), "TicketEscalated", "urn:field-support:ticket-service", ticket, at));
    }

    /** Publishes dispatch-service's example InterventionCompleted for the ticket's visit of that kind. */
    public static void publishCompletion(String ticket, String kind, String returnId, String technician,
            String outcome, String at) {
        ObjectNode payload = (ObjectNode) read(COMPLETED);
        payload.put("ticketId", ticket).put("technicianId", technician).put("outcome", outcome).put("kind", kind)
                .put("occurredAt", at).put("interventionId", UUID.randomUUID().toString());
        if (returnId != null) {
            payload.put("returnId", returnId);
        }
        TopicRecords.send("dispatch.events", ticket, payload.toString(), TopicRecords.cloudEventHeaders(
                UUID.randomUUID().toString(), "InterventionCompleted", "urn:field-support:dispatch-service", ticket,
                at));
    }

    /** The first event of that type under that key; every awaited event must match its published schema. */
    public static ConsumerRecord<String, String> awaitEvent(String key, String type) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicRecords.readAll(TOPIC).stream()
                        .filter(r -> key.equals(r.key()) && type.equals(TopicRecords.header(r, "ce_type")))
                        .findFirst().orElse(null), Objects::nonNull);
        assertThat(ContractSchemas.violations(ContractSchemas.fromFile(Path.of(
                "src/main/resources/contracts/schemas/" + type + ".schema.json")), record.value()))
                .as(type + " " + record.value()).isEmpty();
        assertThat(TopicRecords.header(record, "ce_source")).isEqualTo("urn:field-support:logistics-service");
        return record;
    }

    public static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Event types under a key, in publication order. */
    public static List<String> typesOn(String key) {
        return TopicRecords.readAll(TOPIC).stream().filter(r -> key.equals(r.key()))
                .map(r -> TopicRecords.header(r, "ce_type")).toList();
    }

    /** Posts a webhook signed with the platform's secret (or with {@code signature} when given). */
    public static Response webhook(String path, String body, String signature) {
        return given().contentType(ContentType.JSON).header("X-Signature", signature == null ? sign(body) : signature)
                .body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    public static String sign(String body) {
        try {
            String secret = Files.readString(Path.of(ConfigProvider.getConfig()
                    .getValue("logistics.webhook.secret-file", String.class))).trim();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The custody log of an asset, oldest first. */
    public static List<java.util.Map<String, Object>> custody(String asset) {
        return as("logistics-operator").queryParam("asset", asset).get("/custody").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
