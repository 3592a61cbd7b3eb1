package org.fieldsupport.ticket.tickets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.networknt.schema.Schema;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class TicketApiTest {

    static final Schema TICKET_OPENED = ContractSchemas.fromClasspath("contracts/schemas/TicketOpened.schema.json");

    @BeforeEach
    void sites() {
        TestSites.ensure();
    }

    @Test
    void openingATicketStoresItAndPublishesTicketOpenedAsACloudEvent() {
        String id = given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .contentType(ContentType.JSON)
                .body("""
                        {"employeeId": "E-1001", "site": "STRASBOURG", "category": "HARDWARE",
                         "summary": "Laptop does not boot", "assetTags": ["PC-STR-0042"]}""")
                .post("/tickets")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/tickets/"))
                .body("status", equalTo("OPEN"))
                .body("site", equalTo("STRASBOURG"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .get("/tickets/" + id)
                .then().statusCode(200)
                .body("summary", equalTo("Laptop does not boot"))
                .body("timeline", hasSize(1))
                .body("timeline[0].kind", equalTo("OPENED"))
                .body("timeline[0].actor", equalTo("test-desk-agent"));

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordFor(id), java.util.Objects::nonNull);
        assertThat(TopicRecords.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicRecords.header(record, "ce_type")).isEqualTo("TicketOpened");
        assertThat(TopicRecords.header(record, "ce_source")).isEqualTo("urn:field-support:ticket-service");
        assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(id);
        assertThat(TopicRecords.header(record, "ce_id")).isNotBlank();
        assertThat(TopicRecords.header(record, "ce_time")).isNotBlank();
        assertThat(ContractSchemas.violations(TICKET_OPENED, record.value())).isEmpty();
        assertThat(record.value()).doesNotContain("Laptop does not boot");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"employeeId": "E-1002", "site": "NANCY", "category": "ACCESSORY", "accessory": "HEADSET",
                 "summary": "Headset broken"}""";
        ExtractableResponse<Response> first = given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/tickets")
                .then().statusCode(201).extract();
        String second = given().auth().oauth2(TestTokens.forRole("desk-agent")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/tickets")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .extract().asString();
        assertThat(second).isEqualTo(first.asString());
        assertThat(TestDatabase.number("select count(*) from ticket where employee_id = 'E-1002'")).isEqualTo(1);

        given().auth().oauth2(TestTokens.forRole("desk-agent")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body.replace("Headset broken", "Another problem"))
                .post("/tickets")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aSiteAddedAfterARefusalIsKnownAtOnce() {
        String site = "LATE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String body = "{\"employeeId\": \"E-1005\", \"site\": \"" + site
                + "\", \"category\": \"OTHER\", \"summary\": \"New office\"}";
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON).body(body)
                .post("/tickets").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                .body("{\"name\": \"Late\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \"FR\"}")
                .put("/sites/" + site).then().statusCode(201);
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON).body(body)
                .post("/tickets").then().statusCode(201).body("site", equalTo(site));
    }

    @Test
    void searchFiltersBySiteAndStatus() {
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON)
                .body("""
                        {"employeeId": "E-1003", "site": "DIJON", "category": "OTHER", "summary": "Question"}""")
                .post("/tickets").then().statusCode(201);
        given().auth().oauth2(TestTokens.forRole("pilot-manager"))
                .queryParam("site", "DIJON").queryParam("status", "OPEN")
                .get("/tickets")
                .then().statusCode(200)
                .body("total", notNullValue())
                .body("items.site", org.hamcrest.Matchers.everyItem(equalTo("DIJON")));
    }

    @Test
    void theImporterMayGiveTheBusinessTime() {
        String id = given().auth().oauth2(TestTokens.forRole("importer")).contentType(ContentType.JSON)
                .body("""
                        {"employeeId": "E-1004", "site": "NANCY", "category": "HARDWARE", "summary": "Old ticket",
                         "openedAt": "2024-03-04T09:15:00Z"}""")
                .post("/tickets").then().statusCode(201)
                .body("openedAt", equalTo("2024-03-04T09:15:00Z"))
                .extract().path("id");
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordFor(id), java.util.Objects::nonNull);
        assertThat(record.value()).contains("\"occurredAt\":\"2024-03-04T09:15:00Z\"");
        assertThat(TopicRecords.header(record, "ce_time")).startsWith("2024-03-04T09:15");
    }

    @Test
    void theOpenApiDocumentDescribesTheProblemsOfEveryOperation() {
        io.restassured.path.json.JsonPath openApi = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        for (String operation : List.of("paths.'/tickets'.post", "paths.'/tickets/{id}/escalation'.post",
                "paths.'/tickets'.get", "paths.'/sites/{code}'.put")) {
            for (String status : List.of("400", "401", "403")) {
                assertThat(openApi.getMap(operation + ".responses.'" + status + "'.content"))
                        .as(operation + " " + status).containsKey("application/problem+json");
            }
        }
        assertThat(openApi.getMap("components.schemas.Problem")).isNotEmpty();
        assertThat(openApi.getString("paths.'/tickets/{id}/escalation'.post.responses.'422'.description"))
                .contains("does not fit");
    }

    static ConsumerRecord<String, String> recordFor(String ticketId) {
        List<ConsumerRecord<String, String>> records = TopicRecords.readAll("ticket.events");
        return records.stream().filter(r -> ticketId.equals(r.key())).findFirst().orElse(null);
    }
}
