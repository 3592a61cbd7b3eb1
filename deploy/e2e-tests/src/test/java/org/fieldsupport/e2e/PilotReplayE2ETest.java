package org.fieldsupport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import org.fieldsupport.launcher.LocalPlatform;
import org.fieldsupport.replay.GeneratedTicket.Kind;
import org.fieldsupport.replay.PilotSite;
import org.fieldsupport.replay.PlatformClient;
import org.fieldsupport.replay.QuarterGenerator;
import org.fieldsupport.replay.ReplayPlayer;
import org.fieldsupport.replay.Scenario;
import org.fieldsupport.replay.ScenarioSettings;
import org.fieldsupport.replay.SiteCalendar;

/**
 * The pilot replay checked against its inputs: two seeded weeks of October 2025 played through the public API as a
 * historical import, their surveys included, must come back in the final report exactly as generated. October to December 2025 belong to
 * this suite alone (the other suites work in the current month), so every figure of October is the replay's.
 */
@ExtendWith(SharedPlatform.class)
@Order(6)
class PilotReplayE2ETest {

    static final String OCTOBER = "2025-10";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aReplayedFortnightComesBackInTheReportAsItWasGenerated() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        // Two weeks that end early enough for every visit (J+1) and parcel (two business days) to stay in October.
        Scenario scenario = new QuarterGenerator().generate(ScenarioSettings.quarter(20251001, 0.6)
                .between(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 14)));
        byte[] webhookKey = Files.readString(platform.settings().stateDir().resolve("secrets/webhook.key"),
                StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
        PlatformClient client = new PlatformClient(platform::token, webhookKey);
        PlatformClient.Endpoints endpoints = new PlatformClient.Endpoints(url(platform, "ticket-service"),
                url(platform, "dispatch-service"), url(platform, "logistics-service"), url(platform, "survey-service"));

        ReplayPlayer.Result result = new ReplayPlayer(client, endpoints, PATIENCE, System.out).play(scenario);

        assertThat(result.ticketIds()).hasSize(scenario.tickets().size());
        await().atMost(PATIENCE).untilAsserted(() -> assertReportGivesBack(scenario,
                client.get("pilot-manager", endpoints.surveys() + "/pilot/report?format=json")));
        ReplayPlayer.printSummary(result.kpis(), result.expected().keySet(), System.out);
    }

    private static void assertReportGivesBack(Scenario scenario, JsonNode report) {
        SoftAssertions softly = new SoftAssertions();
        for (PilotSite site : scenario.settings().sites()) {
            String code = site.code();
            JsonNode october = month(report, code, OCTOBER);
            long businessDays = new SiteCalendar(site.holidayRegion())
                    .businessDays(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31)).size();
            long remote = scenario.count(code, Kind.HARDWARE_REMOTE);
            long handsOn = scenario.handsOn(code);
            long parcels = scenario.count(code, Kind.ACCESSORY);
            long returns = scenario.count(code, Kind.EQUIPMENT_RETURN);

            softly.assertThat(october.path("tickets").asLong()).as(code + " tickets")
                    .isEqualTo(scenario.ticketsOf(code).size());
            softly.assertThat(october.path("escalated").asLong()).as(code + " escalated")
                    .isEqualTo(scenario.ticketsOf(code).size() - remote);
            softly.assertThat(october.path("businessDays").asLong()).as(code + " business days")
                    .isEqualTo(businessDays);
            softly.assertThat(october.path("onSiteInterventions").asLong()).as(code + " on-site")
                    .isEqualTo(handsOn);
            softly.assertThat(october.path("meetingRoomInterventions").asLong()).as(code + " meeting rooms")
                    .isEqualTo(scenario.count(code, Kind.MEETING_ROOM));
            softly.assertThat(october.path("onSitePerBusinessDay").asDouble()).as(code + " on-site per day")
                    .isCloseTo((double) handsOn / businessDays, within(1e-9));
            // Resolved: remotely, by a visit, or by a delivered parcel. Returns wait for their receipt and
            // allocations for their preparation, which the replay does not play (no business time on those calls).
            JsonNode remoteShare = october.path("resolvedRemotely");
            softly.assertThat(remoteShare.path("successes").asLong()).as(code + " resolved remotely")
                    .isEqualTo(remote);
            softly.assertThat(remoteShare.path("n").asLong()).as(code + " resolved")
                    .isEqualTo(remote + handsOn + parcels);
            softly.assertThat(october.path("shipmentsDispatched").asLong()).as(code + " shipped").isEqualTo(parcels);
            softly.assertThat(october.path("shipmentsDelivered").asLong()).as(code + " delivered")
                    .isEqualTo(parcels);
            softly.assertThat(october.path("returnsRequested").asLong()).as(code + " returns").isEqualTo(returns);
            // Surveys: one after each visit and delivery, answered and satisfied as generated, shares with the
            // 95% Wilson interval of those counts.
            long surveys = scenario.surveys(code);
            long answers = scenario.answers(code);
            long satisfied = scenario.satisfied(code);
            softly.assertThat(october.path("surveyInvitations").asLong()).as(code + " surveys").isEqualTo(surveys);
            softly.assertThat(october.path("surveyAnswers").asLong()).as(code + " answers").isEqualTo(answers);
            assertProportion(softly, code + " response rate", october.path("responseRate"), answers, surveys);
            assertProportion(softly, code + " satisfied", october.path("satisfied"), satisfied, answers);
        }
        softly.assertAll();
    }

    private static void assertProportion(SoftAssertions softly, String what, JsonNode proportion, long successes,
            long n) {
        softly.assertThat(proportion.path("successes").asLong()).as(what + " successes").isEqualTo(successes);
        softly.assertThat(proportion.path("n").asLong()).as(what + " n").isEqualTo(n);
        if (n == 0) {
            softly.assertThat(proportion.path("share").isNull()).as(what + " share of nothing").isTrue();
            return;
        }
        double z = 1.959963984540054;
        double p = (double) successes / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        softly.assertThat(proportion.path("share").asDouble()).as(what + " share").isCloseTo(p, within(1e-9));
        softly.assertThat(proportion.path("low").asDouble()).as(what + " low").isCloseTo(centre - half, within(1e-9));
        softly.assertThat(proportion.path("high").asDouble()).as(what + " high").isCloseTo(centre + half,
                within(1e-9));
    }

    private static JsonNode month(JsonNode report, String site, String month) {
        for (JsonNode section : report.path("sites")) {
            if (!site.equals(section.path("site").asText())) {
                continue;
            }
            for (JsonNode kpis : section.path("months")) {
                if (month.equals(kpis.path("fromMonth").asText())) {
                    return kpis;
                }
            }
        }
        throw new AssertionError("The report has no " + month + " for " + site + ": " + report);
    }

    private static String url(LocalPlatform platform, String service) {
        return platform.service(service).baseUrl();
    }
}
