package org.fieldsupport.ticket.tickets;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.fieldsupport.testing.TestTokens;

/** The desk's calls, as the Sésame tool makes them. */
final class Desk {

    private Desk() {
    }

    static String open(String role, String body) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON).body(body)
                .post("/tickets").then().statusCode(201).extract().path("id");
    }

    static String openHardware(String site) {
        return open("desk-agent", "{\"employeeId\": \"E-LC\", \"site\": \"" + site
                + "\", \"category\": \"HARDWARE\", \"summary\": \"Screen flickers\"}");
    }

    static ValidatableResponse command(String role, String ticketId, String command, String body) {
        var request = given().auth().oauth2(TestTokens.forRole(role));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/tickets/" + ticketId + "/" + command).then();
    }

    static ValidatableResponse get(String ticketId) {
        return given().auth().oauth2(TestTokens.forRole("desk-agent")).get("/tickets/" + ticketId).then();
    }
}
