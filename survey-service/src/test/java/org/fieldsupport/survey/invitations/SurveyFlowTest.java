package org.fieldsupport.survey.invitations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.survey.PlatformEvents.json;
import static org.fieldsupport.survey.PlatformEvents.published;
import static org.fieldsupport.survey.PlatformEvents.tokenOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.survey.PlatformEvents;
import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;

/**
 * From dispatch's InterventionCompleted to the employee's answer and the pilot's figures, on the real broker and
 * database; the scheduler is off in tests, so each test issues the invitations at the time it chooses.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class SurveyFlowTest {

    @Inject
    Invitations invitations;

    @Test
    void completedInterventionInvitationAnswerThroughTheFormAndTheKpiMoves() {
        String site = PlatformEvents.freshSite("FLOW");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofHours(3));
        String month = YearMonth.from(completedAt.atZone(ZoneId.of("Europe/Paris"))).toString();
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(20)));
        PlatformEvents.interventionCompleted(ticket, site, completedAt);

        issueFor(ticket);
        var issued = published(ticket.toString(), "SurveyInvitationIssued").get(0);
        assertThat(ContractSchemas.violations(
                ContractSchemas.fromClasspath("contracts/schemas/SurveyInvitationIssued.schema.json"), issued.value()))
                .isEmpty();
        assertThat(json(issued.value()).get("employeeId").asText()).isEqualTo("E-" + ticket);
        String token = tokenOf(ticket);
        // Only the hash is stored.
        assertThat(TestDatabase.number("select count(*) from survey_invitation where token_hash = '"
                + Tokens.hash(token) + "' and ticket_id = '" + ticket + "'")).isEqualTo(1);

        given().get("/surveys/" + token).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("lang=\"fr\"")).body(containsString("<fieldset>"))
                .body(containsString("<legend>")).body(containsString("<label for=\"comment\">"));

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("rating", "4")
                .formParam("comment", "Technicien ponctuel et efficace.").post("/surveys/" + token)
                .then().statusCode(200).body(containsString("Merci pour votre réponse"));

        JsonPath kpis = kpis(site, month);
        assertThat(kpis.getInt("sites[0].surveyInvitations")).isEqualTo(1);
        assertThat(kpis.getInt("sites[0].surveyAnswers")).isEqualTo(1);
        assertThat(kpis.getInt("sites[0].satisfied.successes")).isEqualTo(1);
        assertThat(kpis.getDouble("sites[0].responseRate.share")).isEqualTo(1.0);
        assertThat(kpis.getString("sites[0].satisfied.warning")).contains("n = 1");
        assertThat(kpis.getInt("sites[0].onSiteInterventions")).isEqualTo(1);
        assertThat(kpis.getMap("definitions")).containsKeys("satisfied", "responseRate", "timeToInterventionHours");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                published(ticket.toString(), "SurveyAnswered")).hasSize(1));
        String answered = published(ticket.toString(), "SurveyAnswered").get(0).value();
        assertThat(ContractSchemas.violations(
                ContractSchemas.fromClasspath("contracts/schemas/SurveyAnswered.schema.json"), answered)).isEmpty();
        assertThat(answered).doesNotContain("E-" + ticket).doesNotContain("ponctuel");

        // The link is spent: a second answer is refused, as a page and as JSON, and nothing more is counted.
        given().contentType("application/x-www-form-urlencoded").formParam("rating", "1").post("/surveys/" + token)
                .then().statusCode(409).body(containsString("déjà répondu")).body(not(containsString("Exception")));
        given().contentType("application/json").body("{\"rating\": 1}").post("/surveys/" + token)
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/surveys/" + token).then().statusCode(409);
        assertThat(kpis(site, month).getInt("sites[0].surveyAnswers")).isEqualTo(1);

        // Pilot managers read the comment, without the employee; a technician cannot.
        given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", site).get("/pilot/comments")
                .then().statusCode(200).body("[0].comment", equalTo("Technicien ponctuel et efficace."))
                .body("[0].rating", equalTo(4)).body(not(containsString("E-" + ticket)))
                .body(not(containsString(ticket.toString())));
        given().auth().oauth2(TestTokens.forRole("technician")).get("/pilot/comments").then().statusCode(403);
    }

    @Test
    void theJsonAnswerOfTheContractIsAcceptedAndValidated() {
        String site = PlatformEvents.freshSite("JSON");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofHours(3));
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(1)));
        PlatformEvents.interventionCompleted(ticket, site, completedAt);
        issueFor(ticket);
        String token = tokenOf(ticket);

        given().contentType("application/json").body("{\"rating\": 6}").post("/surveys/" + token)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"rating\": 5, \"employee\": \"x\"}").post("/surveys/" + token)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").formParam("comment", "pas de note")
                .post("/surveys/" + token).then().statusCode(400).body(containsString("role=\"alert\""))
                .body(containsString("pas de note"));
        given().contentType("application/json").body("{\"rating\": 2, \"comment\": \"Trop long à venir\"}")
                .post("/surveys/" + token).then().statusCode(200).body("status", equalTo("recorded"))
                .body("rating", equalTo(2));
        assertThat(TestDatabase.number("select count(*) from survey_answer a join survey_invitation i "
                + "on i.id = a.invitation_id where i.ticket_id = '" + ticket + "' and a.rating = 2")).isEqualTo(1);
    }

    @Test
    void anExpiredLinkGetsAClearPage() {
        String site = PlatformEvents.freshSite("EXP");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofDays(40));
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(1)));
        PlatformEvents.interventionCompleted(ticket, site, completedAt);
        // Issued 39 days ago, so its 14 days ran out 25 days ago.
        Instant issuedAt = Instant.now().minus(Duration.ofDays(39));
        awaitCandidate(ticket);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            invitations.issueDue(issuedAt);
            assertThat(published(ticket.toString(), "SurveyInvitationIssued")).hasSize(1);
        });
        String token = tokenOf(ticket);
        given().get("/surveys/" + token).then().statusCode(410).contentType(containsString("text/html"))
                .body(containsString("Ce lien a expiré")).body(not(containsString("Exception")));
        given().contentType("application/x-www-form-urlencoded").formParam("rating", "5").post("/surveys/" + token)
                .then().statusCode(410).body(containsString("Ce lien a expiré"));
        given().contentType("application/json").body("{\"rating\": 5}").post("/surveys/" + token)
                .then().statusCode(410).contentType("application/problem+json");
    }

    @Test
    void anUnknownLinkGetsAClearPage() {
        given().get("/surveys/" + Tokens.newToken()).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Lien d’enquête inconnu")).body(not(containsString("Exception")));
        given().get("/surveys/%3Cscript%3E").then().statusCode(404).body(not(containsString("<script>")));
        given().contentType("application/x-www-form-urlencoded").formParam("rating", "5")
                .post("/surveys/" + Tokens.newToken()).then().statusCode(404);
        given().contentType("application/json").body("{\"rating\": 5}").post("/surveys/" + Tokens.newToken())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void duplicateAndRepeatedCompletionsMakeOneInvitation() {
        String site = PlatformEvents.freshSite("DUP");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofHours(4));
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(1)));
        String eventId = UUID.randomUUID().toString();
        var completion = PlatformEvents.completion(ticket, site, completedAt);
        PlatformEvents.send(eventId, "dispatch.events", "InterventionCompleted", ticket, completion);
        PlatformEvents.send(eventId, "dispatch.events", "InterventionCompleted", ticket, completion);
        // A second visit for the same ticket (a follow-up) does not earn a second survey.
        PlatformEvents.interventionCompleted(ticket, site, completedAt.plus(Duration.ofMinutes(30)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.number(
                "select count(*) from pilot_fact where ticket_id = '" + ticket + "' and event_type = "
                        + "'InterventionCompleted'")).isEqualTo(2));
        assertThat(TestDatabase.number("select count(*) from pilot_fact where event_id = '" + eventId + "'"))
                .isEqualTo(1);
        issueFor(ticket);
        invitations.issueDue(Instant.now());
        assertThat(TestDatabase.number("select count(*) from survey_invitation where ticket_id = '" + ticket + "'"))
                .isEqualTo(1);
        assertThat(published(ticket.toString(), "SurveyInvitationIssued")).hasSize(1);
        assertThat(kpis(site, YearMonth.from(completedAt.atZone(ZoneId.of("Europe/Paris"))).toString())
                .getInt("sites[0].onSiteInterventions")).isEqualTo(2);
    }

    @Test
    void theSameEmployeeIsNotAskedTwiceWithinTheQuietPeriod() {
        String site = PlatformEvents.freshSite("QUIET");
        String employee = "E-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant firstDone = Instant.now().minus(Duration.ofDays(3));
        PlatformEvents.ticketOpened(first, site, employee, firstDone.minus(Duration.ofHours(2)));
        PlatformEvents.ticketOpened(second, site, employee, firstDone.plus(Duration.ofHours(2)));
        PlatformEvents.interventionCompleted(first, site, firstDone);
        PlatformEvents.interventionCompleted(second, site, firstDone.plus(Duration.ofDays(1)));
        issueFor(first);
        awaitCandidate(second);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            invitations.issueDue(Instant.now());
            assertThat(TestDatabase.number("select count(*) from survey_candidate where ticket_id = '" + second
                    + "' and status = 'SKIPPED_RECENTLY_INVITED'")).isEqualTo(1);
        });
        assertThat(published(second.toString(), "SurveyInvitationIssued")).isEmpty();
    }

    @Test
    void oneReminderOnlyAndNoneOnceAnswered() {
        String site = PlatformEvents.freshSite("REM");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofHours(3));
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(1)));
        PlatformEvents.interventionCompleted(ticket, site, completedAt);
        issueFor(ticket);
        Instant sixDaysOn = Instant.now().plus(Duration.ofDays(6));
        invitations.sendReminders(sixDaysOn);
        invitations.sendReminders(sixDaysOn.plus(Duration.ofDays(1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                published(ticket.toString(), "SurveyReminderDue")).hasSize(1));
        var reminder = published(ticket.toString(), "SurveyReminderDue").get(0);
        assertThat(ContractSchemas.violations(
                ContractSchemas.fromClasspath("contracts/schemas/SurveyReminderDue.schema.json"), reminder.value()))
                .isEmpty();
        assertThat(json(reminder.value()).get("invitationId").asText()).isEqualTo(json(published(ticket.toString(),
                "SurveyInvitationIssued").get(0).value()).get("invitationId").asText());
    }

    @Test
    void aNoShowEarnsNoSurvey() {
        String site = PlatformEvents.freshSite("NOSHOW");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofHours(3));
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(1)));
        var fields = new java.util.HashMap<>(PlatformEvents.completion(ticket, site, completedAt));
        fields.put("outcome", "NO_SHOW");
        PlatformEvents.send("dispatch.events", "InterventionCompleted", ticket, fields);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.number(
                "select count(*) from pilot_fact where ticket_id = '" + ticket + "'")).isEqualTo(2));
        assertThat(TestDatabase.number("select count(*) from survey_candidate where ticket_id = '" + ticket + "'"))
                .isZero();
    }

    static JsonPath kpis(String site, String month) {
        return given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", site)
                .queryParam("month", month).get("/pilot/kpis").then().statusCode(200).extract().jsonPath();
    }

    static void awaitCandidate(UUID ticket) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.number(
                "select count(*) from survey_candidate where ticket_id = '" + ticket + "'")).isEqualTo(1));
    }

    /** Runs the scheduler's work until this ticket's invitation is out (its TicketOpened may arrive after). */
    void issueFor(UUID ticket) {
        awaitCandidate(ticket);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            invitations.issueDue(Instant.now());
            assertThat(published(ticket.toString(), "SurveyInvitationIssued")).hasSize(1);
        });
    }
}
