package org.fieldsupport.survey.campaigns;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.survey.PlatformEvents;
import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestDatabase;
import org.fieldsupport.testing.TestTokens;
import org.fieldsupport.testing.TopicRecords;

/** The complementary survey: a campaign, its CSV list, an answer with its own questions, its results apart. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "survey_service"))
class CampaignTest {

    static String manager() {
        return TestTokens.forRole("pilot-manager");
    }

    @Test
    void aCampaignFromUploadToResults() {
        String campaignId = given().auth().oauth2(manager()).contentType("application/json").body("""
                {"name": "Enquête complémentaire Nancy–Strasbourg",
                 "questions": ["Le délai d’intervention vous a-t-il convenu ?", "Recommanderiez-vous ce mode de support ?"],
                 "opensAt": "%s", "closesAt": "%s"}""".formatted(Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(14))))
                .post("/campaigns").then().statusCode(201).body("questions.size()", equalTo(2))
                .extract().path("id");
        String nancy = "E-N-" + UUID.randomUUID().toString().substring(0, 8);
        String strasbourg = "E-S-" + UUID.randomUUID().toString().substring(0, 8);

        // One bad line and nothing is imported.
        given().auth().oauth2(manager()).contentType("text/csv").body("employeeId,site\n" + nancy + ",NANCY\n"
                + "x,DIJON\n").post("/campaigns/" + campaignId + "/employees").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("line 3"));
        assertThat(TestDatabase.number("select count(*) from survey_invitation where campaign_id = '" + campaignId
                + "'")).isZero();

        given().auth().oauth2(manager()).contentType("text/csv").body("employeeId,site\r\n" + nancy + ",NANCY\r\n"
                + strasbourg + ",strasbourg\r\n\r\n").post("/campaigns/" + campaignId + "/employees").then()
                .statusCode(200).body("invited", equalTo(2)).body("alreadyInvited", equalTo(0));
        given().auth().oauth2(manager()).contentType("text/csv").body(nancy + ",NANCY\n")
                .post("/campaigns/" + campaignId + "/employees").then().statusCode(200).body("invited", equalTo(0))
                .body("alreadyInvited", equalTo(1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(invitationsOf(campaignId)).hasSize(2));
        String token = invitationsOf(campaignId).stream()
                .filter(r -> PlatformEvents.json(r.value()).get("employeeId").asText().equals(nancy))
                .map(r -> PlatformEvents.json(r.value()).get("surveyUrl").asText())
                .map(url -> url.substring(url.lastIndexOf('/') + 1)).findFirst().orElseThrow();

        given().get("/surveys/" + token).then().statusCode(200).body(containsString("Enquête complémentaire"))
                .body(containsString("Recommanderiez-vous")).body(containsString("name=\"q2\""));
        given().contentType("application/x-www-form-urlencoded").formParam("q1", "5").formParam("q2", "3")
                .formParam("comment", "Bien").post("/surveys/" + token).then().statusCode(200)
                .body(containsString("Merci"));

        given().auth().oauth2(manager()).get("/campaigns/" + campaignId + "/results").then().statusCode(200)
                .body("sites[0].site", equalTo("NANCY")).body("sites[0].invited", equalTo(1))
                .body("sites[0].answered", equalTo(1)).body("sites[0].questions[0].mean", equalTo(5.0f))
                .body("sites[0].questions[1].satisfied.successes", equalTo(0))
                .body("sites[1].site", equalTo("STRASBOURG")).body("sites[1].answered", equalTo(0));
        // Apart from the per-intervention comments, and in the report's campaign section.
        given().auth().oauth2(manager()).queryParam("campaign", campaignId).get("/pilot/comments").then()
                .statusCode(200).body("[0].comment", equalTo("Bien")).body("[0].ratings", equalTo(List.of(5, 3)));
        given().auth().oauth2(manager()).get("/pilot/report").then().statusCode(200)
                .body("campaigns.id", org.hamcrest.Matchers.hasItem(campaignId));
    }

    @Test
    void campaignsAreValidatedAndForPilotManagersOnly() {
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"name\": \"x\", \"questions\": [], \"opensAt\": \"2025-10-01T00:00:00Z\", "
                        + "\"closesAt\": \"2025-12-31T00:00:00Z\"}")
                .post("/campaigns").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"name\": \"x\", \"questions\": [\"Q\"], \"opensAt\": \"2025-12-01T00:00:00Z\", "
                        + "\"closesAt\": \"2025-10-01T00:00:00Z\"}")
                .post("/campaigns").then().statusCode(400);
        given().auth().oauth2(TestTokens.forRole("desk-agent")).get("/campaigns").then().statusCode(403);
        given().auth().oauth2(manager()).get("/campaigns/" + UUID.randomUUID() + "/results").then().statusCode(404);
    }

    static List<ConsumerRecord<String, String>> invitationsOf(String campaignId) {
        return TopicRecords.readAll("survey.events").stream()
                .filter(r -> "SurveyInvitationIssued".equals(TopicRecords.header(r, "ce_type")))
                .filter(r -> campaignId.equals(PlatformEvents.json(r.value()).path("campaignId").asText()))
                .toList();
    }
}
