package org.fieldsupport.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.fieldsupport.replay.ReplayPlayer;

/**
 * Scenario 4's check: each site's figures in {@code GET /pilot/kpis} must equal what the replay generated and
 * played, not merely reach it (more would be a duplicate, less a loss).
 */
final class ReplayCheck {

    private ReplayCheck() {
    }

    /** One line per figure of a site that differs, e.g. {@code SITE007 tickets 671 (generated 672)}. */
    static List<String> mismatches(JsonNode kpis, Map<String, ReplayPlayer.Expected> expected) {
        List<String> out = new ArrayList<>();
        expected.forEach((site, wanted) -> {
            JsonNode figures = ReplayPlayer.siteFigures(kpis, site);
            compare(out, site, "tickets", figures.path("tickets"), wanted.tickets);
            compare(out, site, "onSiteInterventions", figures.path("onSiteInterventions"), wanted.handsOn);
            compare(out, site, "shipmentsDelivered", figures.path("shipmentsDelivered"), wanted.delivered);
            compare(out, site, "surveyInvitations", figures.path("surveyInvitations"), wanted.invitations);
            compare(out, site, "surveyAnswers", figures.path("surveyAnswers"), wanted.answers);
        });
        return out;
    }

    private static void compare(List<String> out, String site, String figure, JsonNode actual, long wanted) {
        if (!actual.isNumber() || actual.asLong() != wanted) {
            out.add(site + " " + figure + " " + (actual.isNumber() ? actual.asText() : "missing") + " (generated "
                    + wanted + ")");
        }
    }
}
