package org.fieldsupport.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class SyntheticSitesTest {

    final QuarterGenerator generator = new QuarterGenerator();

    @Test
    void aYearOfAHundredSitesIsAboutSixtySixThousandTicketsWithTheBriefsShares() {
        SyntheticSites sites = SyntheticSites.generate(100, 2024);
        Scenario year = generator.generate(sites.year(2024, 2024));

        assertThat(year.tickets()).hasSizeBetween(64_000, 68_000);
        long remote = 0;
        long hardwareOnSite = 0;
        for (SyntheticSites.Site site : sites.sites()) {
            String code = site.site().code();
            int days = year.businessDays().get(code).size();
            assertThat(days).isBetween(250, 254);
            assertThat(year.handsOn(code)).isEqualTo(Math.round(site.site().onSitePerBusinessDay() * days));
            assertThat(year.count(code, GeneratedTicket.Kind.ACCESSORY)).isEqualTo(Math.round(0.3 * days));
            assertThat(year.count(code, GeneratedTicket.Kind.EQUIPMENT_RETURN)).isEqualTo(Math.round(0.1 * days));
            assertThat(year.count(code, GeneratedTicket.Kind.ALLOCATION)).isEqualTo(Math.round(0.05 * days));
            remote += year.count(code, GeneratedTicket.Kind.HARDWARE_REMOTE);
            hardwareOnSite += year.count(code, GeneratedTicket.Kind.HARDWARE_ON_SITE);
        }
        assertThat((double) remote / (remote + hardwareOnSite)).isBetween(0.74, 0.76);
        long surveys = year.tickets().stream().filter(t -> t.survey() != null).count();
        long answered = year.tickets().stream().filter(t -> t.survey() != null && t.survey().answered()).count();
        assertThat((double) answered / surveys).isBetween(0.18, 0.22);
    }

    @Test
    void theSameSeedGivesTheSameSitesAndYear() {
        SyntheticSites first = SyntheticSites.generate(5, 7);
        SyntheticSites again = SyntheticSites.generate(5, 7);

        assertThat(again.sites()).isEqualTo(first.sites());
        assertThat(generator.generate(again.year(7, 2024)).tickets())
                .isEqualTo(generator.generate(first.year(7, 2024)).tickets());
        assertThat(SyntheticSites.generate(5, 8).sites()).isNotEqualTo(first.sites());
    }

    @Test
    void eachLaneHoldsItsSiteTicketsAndItsOwnTechniciansSickDaysInTimeOrder() {
        SyntheticSites sites = SyntheticSites.generate(4, 2024);
        Scenario year = generator.generate(sites.year(2024, 2024));
        List<Scenario> lanes = sites.lanes(year);

        assertThat(lanes).hasSize(4);
        assertThat(lanes.stream().mapToInt(lane -> lane.tickets().size()).sum()).isEqualTo(year.tickets().size());
        assertThat(lanes.stream().mapToInt(lane -> lane.absences().size()).sum()).isEqualTo(year.absences().size());
        for (int i = 0; i < lanes.size(); i++) {
            Scenario lane = lanes.get(i);
            SyntheticSites.Site site = sites.sites().get(i);
            assertThat(lane.settings().sites()).containsExactly(site.site());
            assertThat(lane.tickets()).allMatch(t -> t.site().equals(site.site().code()));
            assertThat(lane.absences()).allMatch(a -> site.technicians().contains(a.technicianId()));
            assertThat(lane.tickets()).isSortedAccordingTo(java.util.Comparator.comparing(GeneratedTicket::openedAt));
        }
    }

    @Test
    void theSitesAreDescribedAsTheReferenceDataIsAndNoTechnicianServesTwoSites() {
        SyntheticSites sites = SyntheticSites.generate(12, 2024);

        JsonNode described = sites.sitesJson();
        assertThat(described).hasSize(12);
        JsonNode first = described.get(0);
        assertThat(first.get("code").asText()).isEqualTo("SITE001").matches("[A-Z][A-Z0-9_]{1,39}");
        assertThat(first.get("holidayRegion").asText()).isEqualTo("FR-67");
        assertThat(described.get(1).get("holidayRegion").asText()).isEqualTo("FR-54");
        assertThat(first.at("/dispatch/effectiveFrom").asText()).isEqualTo("2024-01-01");
        assertThat(first.at("/dispatch/mode").asText()).isEqualTo("ROVING");
        assertThat(first.at("/dispatch/latitude").asDouble()).isBetween(41.0, 51.5);
        assertThat(first.get("meetingRooms")).hasSize(3);

        Set<String> served = new HashSet<>();
        for (JsonNode technician : sites.techniciansJson()) {
            assertThat(technician.get("sites")).hasSize(1);
            assertThat(technician.get("id").asText()).matches("[A-Za-z0-9_-]{1,64}");
            assertThat(technician.get("skills").toString()).contains("MEETING_ROOM_AV");
            served.add(technician.get("sites").get(0).asText());
        }
        assertThat(served).hasSize(12);
        assertThat(sites.logisticsJson().get("sites")).hasSize(12);
    }

    @Test
    void surveyServiceIsToldEverySiteAfterTheExistingOnes() {
        SyntheticSites sites = SyntheticSites.generate(3, 2024);

        assertThat(sites.surveyServiceProperties(List.of("STRASBOURG", "NANCY")))
                .containsEntry("pilot.sites", "STRASBOURG,NANCY,SITE001,SITE002,SITE003")
                .containsEntry("pilot.site.SITE003.holiday-region", "FR-21");
    }

    @Test
    void refusesAnImpossibleNumberOfSites() {
        assertThatThrownBy(() -> SyntheticSites.generate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
