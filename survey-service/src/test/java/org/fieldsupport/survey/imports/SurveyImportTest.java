package org.fieldsupport.survey.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.survey.PlatformEvents.published;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import org.fieldsupport.survey.PlatformEvents;
import org.fieldsupport.survey.invitations.Invitations;
import org.fieldsupport.testing.ContractSchemas;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;

/** Surveys of the past imported with their business times, counted where live ones are, and nothing more. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class SurveyImportTest {

    @Inject
    Invitations invitations;

    @Test
    void anAnsweredSurveyOfThePastCountsInItsMonthOnceAndSendsNoLink() {
        String site = PlatformEvents.freshSite("IMP");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        String month = YearMonth.from(completedAt.atZone(ZoneId.of("Europe/Paris"))).toString();
        candidate(ticket, site, completedAt);
        Instant invitedAt = completedAt.plus(Duration.ofHours(2));
        Instant answeredAt = invitedAt.plus(Duration.ofDays(1));

        String invitationId = importSurvey(body(ticket, invitedAt, answeredAt, 5, "Rapide et aimable."))
                .statusCode(201).body("site", equalTo(site)).body("referenceMonth", equalTo(month))
                .body("rating", equalTo(5)).extract().path("invitationId");

        JsonPath kpis = kpis(site, month);
        assertThat(kpis.getInt("sites[0].surveyInvitations")).isEqualTo(1);
        assertThat(kpis.getInt("sites[0].surveyAnswers")).isEqualTo(1);
        assertThat(kpis.getInt("sites[0].satisfied.successes")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                published(ticket.toString(), "SurveyAnswered")).hasSize(1));
        String answered = published(ticket.toString(), "SurveyAnswered").get(0).value();
        assertThat(ContractSchemas.violations(
                ContractSchemas.fromClasspath("contracts/schemas/SurveyAnswered.schema.json"), answered)).isEmpty();
        assertThat(PlatformEvents.json(answered).get("occurredAt").asText()).isEqualTo(answeredAt.toString());
        assertThat(published(ticket.toString(), "SurveyInvitationIssued")).isEmpty();

        // The importer retrying gets the same survey; another survey for the ticket is refused; nothing doubles.
        importSurvey(body(ticket, invitedAt, answeredAt, 5, "Rapide et aimable.")).statusCode(200)
                .body("invitationId", equalTo(invitationId));
        importSurvey(body(ticket, invitedAt, answeredAt, 2, null)).statusCode(409)
                .contentType("application/problem+json");
        assertThat(TestDatabase.number("select count(*) from survey_invitation where ticket_id = '" + ticket + "'"))
                .isEqualTo(1);
        assertThat(kpis(site, month).getInt("sites[0].surveyAnswers")).isEqualTo(1);
        // The scheduler does not issue a live invitation for it afterwards.
        invitations.issueDue(Instant.now());
        assertThat(TestDatabase.number("select count(*) from survey_candidate where ticket_id = '" + ticket
                + "' and status = 'IMPORTED'")).isEqualTo(1);
    }

    @Test
    void anUnansweredSurveyCountsAsAnInvitationAndNoReminderIsSentForIt() {
        String site = PlatformEvents.freshSite("IMU");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofDays(7));
        String month = YearMonth.from(completedAt.atZone(ZoneId.of("Europe/Paris"))).toString();
        candidate(ticket, site, completedAt);

        importSurvey(body(ticket, completedAt.plus(Duration.ofHours(2)), null, null, null)).statusCode(201);

        JsonPath kpis = kpis(site, month);
        assertThat(kpis.getInt("sites[0].surveyInvitations")).isEqualTo(1);
        assertThat(kpis.getInt("sites[0].surveyAnswers")).isZero();
        // Its reminder would be due (5 days) and its link not expired (14 days), but no link was sent by us.
        invitations.sendReminders(Instant.now());
        assertThat(published(ticket.toString(), "SurveyReminderDue")).isEmpty();
    }

    @Test
    void badImportsAreRefusedAndStoreNothing() {
        String site = PlatformEvents.freshSite("IMB");
        UUID ticket = UUID.randomUUID();
        Instant completedAt = Instant.now().minus(Duration.ofDays(30));
        candidate(ticket, site, completedAt);
        Instant invitedAt = completedAt.plus(Duration.ofHours(2));

        importSurvey(body(ticket, invitedAt, invitedAt.plusSeconds(60), 6, null)).statusCode(400);
        importSurvey(body(ticket, invitedAt, invitedAt.plusSeconds(60), null, null)).statusCode(400);
        importSurvey(body(ticket, invitedAt, null, 4, null)).statusCode(400);
        importSurvey(body(ticket, completedAt.minusSeconds(60), null, null, null)).statusCode(400)
                .body("detail", containsString("before the visit"));
        importSurvey(body(ticket, invitedAt, invitedAt.plus(Duration.ofDays(20)), 4, null)).statusCode(400);
        importSurvey(body(ticket, Instant.now().plus(Duration.ofDays(1)), null, null, null)).statusCode(400);
        importSurvey(body(ticket, invitedAt, invitedAt.minusSeconds(1), 4, null)).statusCode(400);
        importSurvey(body(ticket, invitedAt, null, null, "sans réponse")).statusCode(400);
        importSurvey(body(UUID.randomUUID(), invitedAt, null, null, null)).statusCode(409)
                .contentType("application/problem+json").body(not(containsString("Exception")));
        assertThat(TestDatabase.number("select count(*) from survey_invitation where site = '" + site + "'"))
                .isZero();

        given().auth().oauth2(TestTokens.forRole("pilot-manager")).contentType("application/json")
                .body(body(ticket, invitedAt, null, null, null)).post("/survey-imports").then().statusCode(403);
        given().contentType("application/json").body(body(ticket, invitedAt, null, null, null))
                .post("/survey-imports").then().statusCode(401);
    }

    /** The ticket and its completed visit, read from the topics: the ticket is then a survey candidate. */
    private static void candidate(UUID ticket, String site, Instant completedAt) {
        PlatformEvents.ticketOpened(ticket, site, "E-" + ticket, completedAt.minus(Duration.ofHours(20)));
        PlatformEvents.interventionCompleted(ticket, site, completedAt);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.number(
                "select count(*) from survey_candidate c join pilot_ticket t on t.ticket_id = c.ticket_id "
                        + "where c.ticket_id = '" + ticket + "' and t.employee_id is not null")).isEqualTo(1));
    }

    private static Map<String, Object> body(UUID ticket, Instant invitedAt, Instant answeredAt, Integer rating,
            String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticketId", ticket.toString());
        body.put("invitedAt", invitedAt.toString());
        if (answeredAt != null) {
            body.put("answeredAt", answeredAt.toString());
        }
        if (rating != null) {
            body.put("rating", rating);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private static ValidatableResponse importSurvey(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.forRole("importer")).contentType("application/json").body(body)
                .post("/survey-imports").then();
    }

    private static JsonPath kpis(String site, String month) {
        return given().auth().oauth2(TestTokens.forRole("pilot-manager")).queryParam("site", site)
                .queryParam("month", month).get("/pilot/kpis").then().statusCode(200).extract().jsonPath();
    }
}
