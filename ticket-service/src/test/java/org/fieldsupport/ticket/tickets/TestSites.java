package org.fieldsupport.ticket.tickets;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

import org.fieldsupport.testing.TestTokens;

/** The three pilot sites, put through the reference-data API as the launcher does. */
final class TestSites {

    private TestSites() {
    }

    static void ensure() {
        put("STRASBOURG", "Strasbourg", "FR-67");
        put("NANCY", "Nancy", "FR-54");
        put("DIJON", "Dijon", "FR-21");
    }

    private static void put(String code, String name, String holidayRegion) {
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"timeZone\": \"Europe/Paris\", \"holidayRegion\": \""
                        + holidayRegion + "\"}")
                .put("/sites/" + code)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200),
                        org.hamcrest.Matchers.is(201)));
    }
}
