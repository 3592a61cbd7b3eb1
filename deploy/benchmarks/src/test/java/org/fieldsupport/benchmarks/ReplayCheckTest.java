package org.fieldsupport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.fieldsupport.replay.ReplayPlayer;

class ReplayCheckTest {

    static ReplayPlayer.Expected expected(long tickets, long handsOn, long delivered, long invitations,
            long answers) {
        ReplayPlayer.Expected e = new ReplayPlayer.Expected();
        e.tickets = tickets;
        e.handsOn = handsOn;
        e.delivered = delivered;
        e.invitations = invitations;
        e.answers = answers;
        return e;
    }

    @Test
    void equalFiguresPassAndEveryDifferenceIsNamedWithItsSite() throws Exception {
        JsonNode kpis = new ObjectMapper().readTree("""
                {"sites": [
                  {"site": "SITE001", "tickets": 670, "onSiteInterventions": 150, "shipmentsDelivered": 75,
                   "surveyInvitations": 225, "surveyAnswers": 45},
                  {"site": "SITE002", "tickets": 671, "onSiteInterventions": 149, "shipmentsDelivered": 75,
                   "surveyInvitations": 224, "surveyAnswers": 44}]}
                """);
        Map<String, ReplayPlayer.Expected> wanted = new LinkedHashMap<>();
        wanted.put("SITE001", expected(670, 150, 75, 225, 45));
        assertThat(ReplayCheck.mismatches(kpis, wanted)).isEmpty();

        wanted.put("SITE002", expected(670, 150, 75, 224, 44));
        wanted.put("SITE003", expected(1, 0, 0, 0, 0));
        assertThat(ReplayCheck.mismatches(kpis, wanted)).containsExactly(
                "SITE002 tickets 671 (generated 670)", "SITE002 onSiteInterventions 149 (generated 150)",
                "SITE003 tickets missing (generated 1)", "SITE003 onSiteInterventions missing (generated 0)",
                "SITE003 shipmentsDelivered missing (generated 0)", "SITE003 surveyInvitations missing (generated 0)",
                "SITE003 surveyAnswers missing (generated 0)");
    }
}
