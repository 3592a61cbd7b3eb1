package org.fieldsupport.ticket.tickets;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

import org.fieldsupport.testing.TestTokens;

/** The three pilot sites, put through the reference-data API as the launcher does. */
final class TestSites {

    private TestSites() {
    }

    static void ensure() {
        put("STRASBOURG", "Strasbourg");
        put("NANCY", "Nancy");
        put("DIJON", "Dijon");
    }

    private static void put(String code, String name) {
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"timeZone\": \"Europe/Paris\"}")
                .put("/sites/" + code)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200),
                        org.hamcrest.Matchers.is(201)));
    }
}
