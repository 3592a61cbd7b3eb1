package org.fieldsupport.survey.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.survey.campaigns.CampaignResults;
import org.fieldsupport.survey.campaigns.Campaigns;
import org.fieldsupport.survey.campaigns.SurveyCampaign;
import org.fieldsupport.survey.kpis.BusinessHours;
import org.fieldsupport.survey.kpis.KpiDefinitions;
import org.fieldsupport.survey.kpis.KpiSet;
import org.fieldsupport.survey.kpis.PilotKpiCalculator;
import org.fieldsupport.survey.kpis.Proportion;
import org.fieldsupport.survey.pilot.PilotCalendar;
import org.fieldsupport.survey.pilot.PilotConfiguration;

/** Builds the final report and the monthly follow-up from the recorded facts. */
@ApplicationScoped
public class PilotReports {

    @Inject
    PilotCalendar calendar;

    @Inject
    PilotConfiguration.PilotSites sites;

    @Inject
    PilotKpiCalculator calculator;

    @Inject
    PilotData data;

    @Inject
    Campaigns campaigns;

    @Inject
    Clock clock;

    @Inject
    Config config;

    @ConfigProperty(name = "pilot.baseline.year")
    int baselineYear;

    @ConfigProperty(name = "pilot.baseline.source")
    String baselineSource;

    @ConfigProperty(name = "pilot.co2e.parcel-source")
    String parcelSource;

    /** The whole pilot for {@code onlySite} (the monthly follow-up) or for every pilot site (the final report). */
    public PilotReport build(String onlySite, boolean withCampaigns) {
        YearMonth from = calendar.firstMonth();
        YearMonth to = calendar.lastMonth();
        List<String> codes = onlySite == null ? sites.codes() : List.of(onlySite);
        LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
        List<PilotReport.SiteSection> sections = new ArrayList<>();
        for (String site : codes) {
            PilotData.Snapshot snapshot = data.read(site);
            List<KpiSet> months = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                months.add(calculator.compute(site, m, m, snapshot.events(), snapshot.surveys(), today));
            }
            sections.add(new PilotReport.SiteSection(site, sites.roles().getOrDefault(site, ""),
                    calculator.compute(site, from, to, snapshot.events(), snapshot.surveys(), today), months));
        }
        List<CampaignResults> campaignResults = new ArrayList<>();
        if (withCampaigns) {
            for (SurveyCampaign campaign : campaigns.all()) {
                campaignResults.add(campaigns.results(campaign.id, calculator.minimumN()));
            }
        }
        Map<String, Double> parcelFactors = new HashMap<>();
        for (String method : List.of("STANDARD_PARCEL", "EXPRESS_PARCEL")) {
            config.getOptionalValue("pilot.co2e.parcel-kg." + method, Double.class)
                    .ifPresent(kg -> parcelFactors.put(method, kg));
        }
        String title = onlySite == null ? "Pilot evaluation: " + String.join(", ", codes)
                : "Monthly follow-up: " + onlySite;
        return new PilotReport(title, clock.instant(), from, to, sections, baseline(codes), campaignResults,
                new PilotReport.Factors(parcelFactors, parcelSource,
                        "dispatch-service: kg CO2e per km of its configured fleet factor (co2eKg of each completed "
                                + "intervention)"),
                cautions(sections, to), KpiDefinitions.ALL);
    }

    private PilotReport.BaselineSection baseline(List<String> codes) {
        List<PilotReport.SiteBaseline> rows = new ArrayList<>();
        for (String site : codes) {
            Long without = config.getOptionalValue("pilot.baseline." + site + ".resolved-without-oss", Long.class)
                    .orElse(null);
            Long with = config.getOptionalValue("pilot.baseline." + site + ".resolved-with-oss", Long.class)
                    .orElse(null);
            Double stated = config.getOptionalValue("pilot.baseline." + site + ".on-site-per-business-day",
                    Double.class).orElse(null);
            if (without == null && with == null && stated == null) {
                continue;
            }
            BusinessHours hours = calculator.hoursOf(site);
            long businessDays = hours.businessDays(LocalDate.of(baselineYear, 1, 1),
                    LocalDate.of(baselineYear, 12, 31));
            Proportion share = without != null && with != null
                    ? Proportion.of(without, without + with, calculator.minimumN())
                    : null;
            Double recomputed = with == null ? null : Math.round(with * 1000.0 / businessDays) / 1000.0;
            rows.add(new PilotReport.SiteBaseline(site, without, with, share, stated, businessDays, recomputed));
        }
        return new PilotReport.BaselineSection(baselineYear, baselineSource, rows);
    }

    private List<String> cautions(List<PilotReport.SiteSection> sections, YearMonth lastMonth) {
        List<String> cautions = new ArrayList<>();
        YearMonth now = YearMonth.from(clock.instant().atZone(calendar.zone()));
        if (!now.isAfter(lastMonth)) {
            cautions.add("The pilot is not over (today is in " + now + "): figures of " + now
                    + " and later are provisional.");
        }
        for (PilotReport.SiteSection section : sections) {
            Proportion satisfied = section.wholePilot().satisfied();
            if (!satisfied.enoughData()) {
                cautions.add(section.site() + ": satisfaction rests on n = " + satisfied.n() + " answers"
                        + (satisfied.share() == null ? "" : String.format(java.util.Locale.ROOT,
                                " (95%% interval %.0f%%–%.0f%%)", satisfied.low() * 100, satisfied.high() * 100))
                        + ": too few to conclude whether the service improved or degraded.");
            }
        }
        cautions.add("The 2024 baseline comes as totals from the brief; its definitions (what 'resolved with the "
                + "on-site technician' counted) could not be checked against the pilot's, so compare orders of "
                + "magnitude, not decimals.");
        cautions.add("Parcel CO2e uses an assumed factor per parcel until the carrier's declared factors are "
                + "configured (see factors).");
        return cautions;
    }
}
