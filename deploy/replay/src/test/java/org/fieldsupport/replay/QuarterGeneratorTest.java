package org.fieldsupport.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class QuarterGeneratorTest {

    final QuarterGenerator generator = new QuarterGenerator();

    @Test
    void theSameSeedGivesTheSameScenarioAndAnotherSeedAnotherOne() {
        Scenario first = generator.generate(ScenarioSettings.quarter(2025, 0.6));
        Scenario again = generator.generate(ScenarioSettings.quarter(2025, 0.6));
        Scenario other = generator.generate(ScenarioSettings.quarter(7, 0.6));

        assertThat(again.tickets()).isEqualTo(first.tickets());
        assertThat(other.tickets()).isNotEqualTo(first.tickets());
    }

    @Test
    void businessDaysFollowEachSiteCalendar() {
        Scenario quarter = generator.generate(ScenarioSettings.quarter(2025, 0.6));

        // Alsace-Moselle keeps 26 December as a holiday; Lorraine and Burgundy do not.
        assertThat(quarter.businessDays().get("STRASBOURG")).doesNotContain(LocalDate.of(2025, 12, 26))
                .doesNotContain(LocalDate.of(2025, 11, 11), LocalDate.of(2025, 12, 25));
        assertThat(quarter.businessDays().get("NANCY")).contains(LocalDate.of(2025, 12, 26));
        assertThat(quarter.businessDays().get("STRASBOURG")).hasSize(23 + 19 + 21);
        assertThat(quarter.businessDays().get("NANCY")).hasSize(23 + 19 + 22);
        assertThat(quarter.businessDays().get("DIJON")).hasSize(23 + 19 + 22);
    }

    @Test
    void onSiteRatesAndTheRemoteShareAreTheBriefsFigures() {
        Scenario quarter = generator.generate(ScenarioSettings.quarter(2025, 0.5));

        assertThat(quarter.handsOn("STRASBOURG")).isEqualTo(Math.round(0.67 * 63));
        assertThat(quarter.handsOn("NANCY")).isEqualTo(Math.round(0.88 * 64));
        assertThat(quarter.handsOn("DIJON")).isEqualTo(Math.round(0.5 * 64));
        for (String site : new String[] { "STRASBOURG", "NANCY", "DIJON" }) {
            long remote = quarter.count(site, GeneratedTicket.Kind.HARDWARE_REMOTE);
            long onSite = quarter.count(site, GeneratedTicket.Kind.HARDWARE_ON_SITE);
            assertThat((double) remote / (remote + onSite)).isBetween(0.73, 0.77);
            assertThat(quarter.count(site, GeneratedTicket.Kind.ACCESSORY)).isPositive();
            assertThat(quarter.count(site, GeneratedTicket.Kind.EQUIPMENT_RETURN)).isPositive();
            assertThat(quarter.count(site, GeneratedTicket.Kind.ALLOCATION)).isPositive();
            assertThat(quarter.count(site, GeneratedTicket.Kind.MEETING_ROOM)).isPositive();
        }
    }

    @Test
    void everyTimestampFallsInBusinessHoursOfABusinessDayOfItsSite() {
        Scenario quarter = generator.generate(ScenarioSettings.quarter(2025, 0.6));

        for (GeneratedTicket ticket : quarter.tickets()) {
            SiteCalendar calendar = new SiteCalendar(quarter.settings().sites().stream()
                    .filter(s -> s.code().equals(ticket.site())).findFirst().orElseThrow().holidayRegion());
            for (var at : new java.time.Instant[] { ticket.openedAt(), ticket.actedAt(), ticket.deliveredAt() }) {
                if (at == null) {
                    continue;
                }
                ZonedDateTime local = at.atZone(QuarterGenerator.ZONE);
                assertThat(calendar.isBusinessDay(local.toLocalDate())).as(ticket.key()).isTrue();
                LocalTime time = local.toLocalTime();
                boolean morning = !time.isBefore(LocalTime.of(8, 30)) && time.isBefore(LocalTime.of(12, 30));
                boolean afternoon = !time.isBefore(LocalTime.of(13, 30)) && time.isBefore(LocalTime.of(17, 30));
                assertThat(morning || afternoon).as(ticket.key() + " at " + time).isTrue();
            }
            assertThat(ticket.actedAt()).isAfter(ticket.openedAt());
            assertThat(ticket.openedAt()).isBetween(
                    LocalDate.of(2025, 10, 1).atStartOfDay(QuarterGenerator.ZONE).toInstant(),
                    LocalDate.of(2026, 1, 1).atStartOfDay(QuarterGenerator.ZONE).toInstant());
        }
    }

    @Test
    void theBaselineYearGivesTheBriefsOnSiteRatesOnEachSitesCalendar() {
        Scenario year = generator.generate(ScenarioSettings.baseline(2024));

        assertThat(year.settings().sites()).extracting(PilotSite::code).containsExactly("STRASBOURG", "NANCY");
        // 2024: 262 weekdays; ten national holidays on a weekday, and in Alsace-Moselle Good Friday and 26 December.
        assertThat(year.businessDays().get("STRASBOURG")).hasSize(250).doesNotContain(LocalDate.of(2024, 3, 29));
        assertThat(year.businessDays().get("NANCY")).hasSize(252).contains(LocalDate.of(2024, 3, 29));
        assertThat(year.handsOn("STRASBOURG")).isEqualTo(168);
        assertThat(year.handsOn("NANCY")).isEqualTo(222);
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", 168 / 250.0)).isEqualTo("0.67");
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", 222 / 252.0)).isEqualTo("0.88");
        assertThat(year.tickets()).allSatisfy(ticket -> assertThat(ticket.openedAt().atZone(QuarterGenerator.ZONE)
                .getYear()).isEqualTo(2024));
    }

    @Test
    void aSurveyFollowsEachVisitAndDeliveryAndAboutOneInFiveIsAnsweredMostlySatisfied() {
        Scenario year = generator.generate(ScenarioSettings.baseline(2024));

        long surveys = 0;
        long answers = 0;
        long satisfied = 0;
        for (GeneratedTicket ticket : year.tickets()) {
            assertThat(ticket.survey() != null).as(ticket.key()).isEqualTo(ticket.kind().surveyed());
            if (ticket.survey() == null) {
                continue;
            }
            surveys++;
            if (ticket.survey().answered()) {
                answers++;
                satisfied += ticket.survey().satisfied() ? 1 : 0;
                assertThat(ticket.survey().rating()).isBetween(1, 5);
                assertThat(ticket.survey().answeredAfter()).isPositive().isLessThan(java.time.Duration.ofDays(14));
            }
        }
        assertThat(surveys).isEqualTo(year.surveys("STRASBOURG") + year.surveys("NANCY"));
        // About 560 surveys: a binomial 20% lands within 0.15-0.25, and 95% of about 110 answers within 0.88-0.99.
        assertThat((double) answers / surveys).isBetween(0.15, 0.25);
        assertThat((double) satisfied / answers).isBetween(0.88, 0.99);
    }

    @Test
    void eachTechnicianIsOffSickAboutADayAMonthDeclaredThatMorning() {
        Scenario quarter = generator.generate(ScenarioSettings.quarter(2025, 0.6));

        assertThat(quarter.absences()).isEqualTo(generator.generate(ScenarioSettings.quarter(2025, 0.6)).absences());
        for (String technician : ScenarioSettings.TECHNICIANS) {
            assertThat(quarter.absences().stream().filter(a -> a.technicianId().equals(technician)).count())
                    .as(technician).isBetween(2L, 3L);
        }
        SiteCalendar national = new SiteCalendar("FR");
        assertThat(quarter.absences()).allSatisfy(absence -> {
            assertThat(national.isBusinessDay(absence.day())).isTrue();
            assertThat(absence.day()).isBetween(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
            assertThat(absence.declaredAt().atZone(QuarterGenerator.ZONE).toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        });
    }
}
