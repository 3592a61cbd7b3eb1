package org.fieldsupport.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.e2e.SharedPlatform.token;
import static org.fieldsupport.e2e.SharedPlatform.url;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.restassured.http.ContentType;

/**
 * The desk's work at a business time of the past, through the importer's historical import, so that a suite meets a
 * known day of the rota or a month of its own whatever day it runs.
 */
final class PastEscalations {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private PastEscalations() {
    }

    /** A hardware ticket opened a quarter of an hour before {@code escalatedAt} and escalated on site then. */
    static String onSite(String site, String employee, String summary, Instant escalatedAt) {
        String ticket = given().auth().oauth2(token("importer")).contentType(ContentType.JSON)
                .body(Map.of("employeeId", employee, "site", site, "category", "HARDWARE", "summary", summary,
                        "openedAt", escalatedAt.minus(Duration.ofMinutes(15)).toString()))
                .post(url("ticket-service", "/tickets")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("importer")).contentType(ContentType.JSON)
                .body(Map.of("kind", "ON_SITE", "at", escalatedAt.toString()))
                .post(url("ticket-service", "/tickets/" + ticket + "/escalation")).then().statusCode(202);
        return ticket;
    }

    /** The visit dispatch booked for the ticket, once it has. */
    static Map<String, Object> bookedVisit(String ticket) {
        return await().atMost(PATIENCE).until(() -> given().auth().oauth2(token("dispatcher"))
                .queryParam("ticketId", ticket).get(url("dispatch-service", "/interventions")).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream().findFirst().orElse(null),
                Objects::nonNull);
    }
}
