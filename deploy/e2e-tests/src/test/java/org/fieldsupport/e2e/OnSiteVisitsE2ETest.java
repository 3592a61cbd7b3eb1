package org.fieldsupport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldsupport.e2e.SharedPlatform.token;
import static org.fieldsupport.e2e.SharedPlatform.url;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.fieldsupport.infra.TopicReader;
import org.fieldsupport.launcher.LocalPlatform;
import org.fieldsupport.replay.SiteCalendar;

/**
 * An on-site visit at each pilot site under its own promise, from the desk's escalation to the employee's survey
 * answer counted in the pilot's figures. The desk's calls carry business times of last week (the importer's
 * historical import), so that the half-day rule meets a known rota — Nancy's on-site technician works Monday and
 * Wednesday mornings, Tuesday and Thursday afternoons — whatever day the suite runs; the technician completes each
 * visit at the end of its booked window, and the survey goes out as it does live.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
class OnSiteVisitsE2ETest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalTime MORNING_END = LocalTime.of(12, 30);
    static final LocalTime AFTERNOON_END = LocalTime.of(17, 30);
    /** A Monday or a Wednesday of the last twelve days, business day at every site, as is the day after. */
    static LocalDate day;

    @BeforeAll
    static void lastWeeksMorningOfTheOnSiteTechnician() {
        List<SiteCalendar> calendars = List.of(new SiteCalendar("FR-67"), new SiteCalendar("FR-54"),
                new SiteCalendar("FR-21"));
        LocalDate today = LocalDate.now(PARIS);
        for (LocalDate d = today.minusDays(2); !d.isBefore(today.minusDays(12)); d = d.minusDays(1)) {
            LocalDate candidate = d;
            boolean morningOfTheOss = d.getDayOfWeek() == DayOfWeek.MONDAY || d.getDayOfWeek() == DayOfWeek.WEDNESDAY;
            if (morningOfTheOss && calendars.stream()
                    .allMatch(c -> c.isBusinessDay(candidate) && c.isBusinessDay(candidate.plusDays(1)))) {
                day = d;
                return;
            }
        }
        throw new IllegalStateException("No Monday or Wednesday of the last twelve days is a business day everywhere");
    }

    @Test
    void strasbourgIsVisitedByTheEndOfTheNextBusinessDay() {
        visitedWithinPromiseAndSurveyed("STRASBOURG", at(day, 9, 10), endOf(day.plusDays(1)));
    }

    @Test
    void nancyWithItsOnSiteTechnicianPresentIsVisitedWithinTheSameHalfDay() {
        visitedWithinPromiseAndSurveyed("NANCY", at(day, 9, 10), at(day, MORNING_END));
    }

    @Test
    void nancyWithItsOnSiteTechnicianAbsentIsVisitedInTheTechniciansNextHalfDay() {
        // Escalated on the afternoon of a morning rota day: the technician is next there the following afternoon.
        visitedWithinPromiseAndSurveyed("NANCY", at(day, 14, 0), at(day.plusDays(1), AFTERNOON_END));
    }

    @Test
    void dijonIsVisitedByTheEndOfTheNextBusinessDay() {
        visitedWithinPromiseAndSurveyed("DIJON", at(day, 10, 30), endOf(day.plusDays(1)));
    }

    private static void visitedWithinPromiseAndSurveyed(String site, Instant escalatedAt, Instant promisedBy) {
        LocalPlatform platform = SharedPlatform.platform();
        String employee = "E-E2E-VISIT-" + UUID.randomUUID().toString().substring(0, 8);
        String ticket = PastEscalations.onSite(site, employee, "Docking station dead", escalatedAt);
        Map<String, Object> visit = PastEscalations.bookedVisit(ticket);
        assertThat(Instant.parse((String) visit.get("deadline"))).as(site + " promise").isEqualTo(promisedBy);
        assertThat(visit.get("withinPromise")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Instant windowEnd = Instant.parse(((Map<String, String>) visit.get("window")).get("end"));
        assertThat(windowEnd).isAfter(escalatedAt).isBeforeOrEqualTo(promisedBy);

        String month = YearMonth.from(windowEnd.atZone(PARIS)).toString();
        long answersBefore = surveyAnswers(site, month);
        given().auth().oauth2(token("technician-" + visit.get("technicianId"))).contentType(ContentType.JSON)
                .body(Map.of("outcome", "FIXED", "completedAt", windowEnd.toString()))
                .post(url("dispatch-service", "/interventions/" + visit.get("id") + "/completion"))
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token("desk-agent"))
                .get(url("ticket-service", "/tickets/" + ticket)).then().statusCode(200)
                .body("status", equalTo("RESOLVED")));

        String surveyUrl = JsonPath.from(await().atMost(PATIENCE).until(() -> TopicReader.readAll(
                platform.kafkaBootstrapServers(), platform.kafkaAdminAccess(), "survey.events").stream()
                .filter(r -> ticket.equals(r.key())
                        && "SurveyInvitationIssued".equals(TopicReader.header(r, "ce_type")))
                .findFirst().orElse(null), Objects::nonNull).value()).getString("surveyUrl");
        given().get(surveyUrl).then().statusCode(200).body(containsString("<form"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("rating", "5")
                .formParam("comment", "Venu comme prévu").post(surveyUrl)
                .then().statusCode(200).body(containsString("Merci"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(surveyAnswers(site, month))
                .isEqualTo(answersBefore + 1));
    }

    private static long surveyAnswers(String site, String month) {
        Integer answers = given().auth().oauth2(token("pilot-manager")).queryParam("site", site)
                .queryParam("month", month).get(url("survey-service", "/pilot/kpis")).then().statusCode(200)
                .extract().path("sites[0].surveyAnswers");
        return answers == null ? 0 : answers;
    }

    /** The J+1 promise runs to the end of the next business day: its midnight, whatever the half-day hours. */
    private static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(PARIS).toInstant();
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return at(date, LocalTime.of(hour, minute));
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(PARIS).toInstant();
    }
}
