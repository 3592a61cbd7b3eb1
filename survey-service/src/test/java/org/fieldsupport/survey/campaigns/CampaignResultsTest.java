package org.fieldsupport.survey.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CampaignResultsTest {

    @Test
    void perSiteAndQuestion() {
        List<CampaignResults.Invited> invited = Arrays.asList(new CampaignResults.Invited("NANCY", List.of(5, 2)),
                new CampaignResults.Invited("NANCY", List.of(4, 3)), new CampaignResults.Invited("NANCY", null),
                new CampaignResults.Invited("STRASBOURG", List.of(1, 5)),
                new CampaignResults.Invited("STRASBOURG", null));
        CampaignResults r = CampaignResults.of(UUID.randomUUID(), "c", Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                List.of("Q1", "Q2"), List.of("NANCY", "STRASBOURG"), invited, 30);
        CampaignResults.SiteResults nancy = r.sites().get(0);
        assertThat(nancy.invited()).isEqualTo(3);
        assertThat(nancy.answered()).isEqualTo(2);
        assertThat(nancy.responseRate().share()).isEqualTo(2.0 / 3);
        // Q1: 5 and 4 → mean 4.5, both satisfied. Q2: 2 and 3 → mean 2.5, none.
        assertThat(nancy.questions().get(0).mean()).isEqualTo(4.5);
        assertThat(nancy.questions().get(0).satisfied().successes()).isEqualTo(2);
        assertThat(nancy.questions().get(1).mean()).isEqualTo(2.5);
        assertThat(nancy.questions().get(1).satisfied().successes()).isZero();
        assertThat(nancy.questions().get(1).satisfied().warning()).contains("n = 2");
        CampaignResults.SiteResults strasbourg = r.sites().get(1);
        assertThat(strasbourg.answered()).isEqualTo(1);
        assertThat(strasbourg.questions().get(1).mean()).isEqualTo(5.0);
    }
}
