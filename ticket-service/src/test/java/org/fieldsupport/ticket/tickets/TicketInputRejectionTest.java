package org.fieldsupport.ticket.tickets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;

/** Bad requests get a 4xx problem+json and leave no ticket and no event behind. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class TicketInputRejectionTest {

    /** What a rejected request would have written: tickets and events of the employees these requests name. */
    static final String TICKETS_OF_THESE_REQUESTS =
            "select count(*) from ticket where employee_id in ('E-1', 'E-2', '42') or employee_id like 'Jean%'";
    static final String EVENTS_OF_THESE_REQUESTS = "select count(*) from outbox_event where payload like "
            + "'%\"employeeId\":\"E-1\"%' or payload like '%\"employeeId\":\"E-2\"%' or payload like '%Jean%'";

    long ticketsBefore;
    long outboxBefore;

    @BeforeEach
    void countBefore() {
        TestSites.ensure();
        ticketsBefore = TestDatabase.number(TICKETS_OF_THESE_REQUESTS);
        outboxBefore = TestDatabase.number(EVENTS_OF_THESE_REQUESTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\"",
        "not json at all",
        "[]",
        "{}",
        "{\"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\"}",
        "{\"employeeId\": \"E-1\", \"site\": \"PARIS\", \"category\": \"HARDWARE\", \"summary\": \"x\"}",
        "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"PRINTER\", \"summary\": \"x\"}",
        "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": 3, \"summary\": \"x\"}",
        "{\"employeeId\": 42, \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\"}",
        "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\", \"status\": \"RESOLVED\"}",
        "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\", \"id\": \"3f0c2a4e-9a1b-4c57-8f0e-6d2b1a7c9e11\"}",
        "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"ACCESSORY\", \"accessory\": \"TEAPOT\", \"summary\": \"x\"}",
        "{\"employeeId\": \"Jean Dupont <jean@example.org>\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\"}",
        "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\", \"assetTags\": \"PC-1\"}",
        "{\"employeeId\": \"E-1\", \"employeeId\": \"E-2\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\"}"
    })
    void badBodiesAreRejectedWithAProblemAndNothingIsStored(String body) {
        ValidatableResponse response = given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .contentType(ContentType.JSON).body(body)
                .post("/tickets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.fieldsupport")))
                .body(not(containsString("jean@example.org")));
        assertNothingStored();
    }

    @Test
    void anOversizedSummaryIsRejected() {
        String body = "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \""
                + "x".repeat(201) + "\"}";
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON).body(body)
                .post("/tickets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("summary"));
        assertNothingStored();
    }

    @Test
    void aBusinessTimeIsIsoTextNotAnEpochNumber() {
        String body = "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": "
                + "\"x\", \"openedAt\": 1759737600}";
        given().auth().oauth2(TestTokens.forRole("importer")).contentType(ContentType.JSON).body(body)
                .post("/tickets")
                .then().statusCode(400).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAProblemBeforeItIsRead() {
        String body = "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": "
                + "\"x\", \"details\": \"" + "x".repeat(70_000) + "\"}";
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON).body(body)
                .post("/tickets")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertNothingStored();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(validBody())
                .post("/tickets")
                .then().statusCode(401).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        String forged = TestTokens.signedByAnotherKey("desk-agent", Files.createTempDirectory("other-keys"));
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(validBody())
                .post("/tickets")
                .then().statusCode(401).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.expired("desk-agent")).contentType(ContentType.JSON).body(validBody())
                .post("/tickets")
                .then().statusCode(401).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void aWrongRoleIs403() {
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).contentType(ContentType.JSON).body(validBody())
                .post("/tickets")
                .then().statusCode(403).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void onlyTheImporterMayGiveTheBusinessTime() {
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON)
                .body(validBody().replace("}", ", \"openedAt\": \"2024-01-02T10:00:00Z\"}"))
                .post("/tickets")
                .then().statusCode(403).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void aWrongContentTypeIs415() {
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.TEXT).body(validBody())
                .post("/tickets")
                .then().statusCode(415).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void anUnknownTicketIs404() {
        given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .get("/tickets/3f0c2a4e-9a1b-4c57-8f0e-6d2b1a7c9e11")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String validBody() {
        return "{\"employeeId\": \"E-1\", \"site\": \"STRASBOURG\", \"category\": \"HARDWARE\", \"summary\": \"x\"}";
    }

    private void assertNothingStored() {
        assertThat(TestDatabase.number(TICKETS_OF_THESE_REQUESTS)).isEqualTo(ticketsBefore);
        assertThat(TestDatabase.number(EVENTS_OF_THESE_REQUESTS)).isEqualTo(outboxBefore);
    }
}
