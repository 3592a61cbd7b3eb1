package org.fieldsupport.ticket.tickets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;

/** The desk's search: filters, stable paging, and a 400 for a filter it cannot read. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class TicketSearchApiTest {

    @BeforeEach
    void sites() {
        TestSites.ensure();
    }

    @Test
    void byEmployeeAndOpeningDayInParis() {
        String employee = "E-S-" + UUID.randomUUID().toString().substring(0, 8);
        open(employee, "2025-10-06T21:30:00Z");
        String seventh = open(employee, "2025-10-06T22:30:00Z");
        String eighth = open(employee, "2025-10-08T09:00:00Z");
        // 22:30 UTC on 6 October is already 7 October in Paris.
        given().auth().oauth2(TestTokens.forRole("desk-agent"))
                .queryParam("employeeId", employee).queryParam("openedFrom", "2025-10-07")
                .queryParam("openedTo", "2025-10-08")
                .get("/tickets")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.id", equalTo(List.of(eighth, seventh)));
    }

    @Test
    void pagesAreStableAndCoverEveryTicketOnce() {
        String employee = "E-P-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(open(employee, "2025-10-09T09:00:00Z"));
        }
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(given().auth().oauth2(TestTokens.forRole("desk-agent"))
                    .queryParam("employeeId", employee).queryParam("size", 2).queryParam("page", page)
                    .get("/tickets").then().statusCode(200).body("total", equalTo(5))
                    .extract().<List<String>> path("items.id"));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(opened);
    }

    @Test
    void atRiskListsOnlyTicketsWhosePromiseIsInDanger() {
        given().auth().oauth2(TestTokens.forRole("dispatcher")).queryParam("atRisk", "true").get("/tickets")
                .then().statusCode(200).body("items.status", everyItem(equalTo("AT_RISK")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=FOO", "category=PRINTER", "openedFrom=yesterday", "openedTo=2025-13-01",
        "atRisk=maybe", "size=0", "size=501", "page=-1"})
    void anUnreadableFilterIs400(String filter) {
        String[] parts = filter.split("=");
        given().auth().oauth2(TestTokens.forRole("desk-agent")).queryParam(parts[0], parts[1])
                .get("/tickets")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"X\", \"timeZone\": \"Mars/Olympus\", \"holidayRegion\": \"FR\"}",
        "{\"name\": \"X\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \"France\"}",
        "{\"name\": \"X\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \"ZZ\"}",
        "{\"name\": \"X\", \"timeZone\": \"Europe/Paris\"}",
        "{\"name\": \"X\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \"FR\", \"code\": \"Y\"}"
    })
    void aSiteWithBadReferenceDataIsRefused(String body) {
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON).body(body)
                .put("/sites/LYON")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("desk-agent")).get("/sites")
                .then().statusCode(200).body("code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("LYON")));
    }

    @Test
    void siteCodesAreUpperCaseAndOnlyAnAdministratorMaintainsThem() {
        String body = "{\"name\": \"X\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \"FR\"}";
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON).body(body)
                .put("/sites/lyon").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("desk-agent")).contentType(ContentType.JSON).body(body)
                .put("/sites/LYON").then().statusCode(403).contentType("application/problem+json");
    }

    private static String open(String employee, String openedAt) {
        return Desk.open("importer", "{\"employeeId\": \"" + employee + "\", \"site\": \"NANCY\", "
                + "\"category\": \"OTHER\", \"summary\": \"Search\", \"openedAt\": \"" + openedAt + "\"}");
    }
}
