package org.fieldsupport.survey.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.fieldsupport.survey.campaigns.CampaignResults;
import org.fieldsupport.survey.kpis.KpiSet;
import org.fieldsupport.survey.kpis.Proportion;

/**
 * The pilot's evaluation: per site (pilot, witness, Dijon) every figure for the whole pilot and month by month, the
 * 2024 baseline beside them, the complementary campaigns apart, the factors used, the definitions, and the cautions
 * a reader needs before drawing a conclusion.
 */
public record PilotReport(String title, Instant generatedAt, YearMonth fromMonth, YearMonth toMonth,
        List<SiteSection> sites, BaselineSection baseline, List<CampaignResults> campaigns, Factors factors,
        List<String> cautions, Map<String, String> definitions) {

    public record SiteSection(String site, String role, KpiSet wholePilot, List<KpiSet> months) {
    }

    /** The 2024 figures as given, and what can be derived from them with the site's calendar. */
    public record BaselineSection(int year, String source, List<SiteBaseline> sites) {
    }

    /**
     * @param resolvedWithoutOnSiteTechnician tickets resolved without the on-site technician in the baseline year
     * @param resolvedWithOnSiteTechnician tickets resolved with him
     * @param resolvedWithoutOnSiteTechnicianShare the first over their sum, with its interval: comparable with the
     *            pilot's {@code resolvedRemotely} if "without" means without a visit
     * @param onSitePerBusinessDayStated the figure as stated in the brief
     * @param businessDays the site's business days in the baseline year (its calendar)
     * @param onSitePerBusinessDayRecomputed tickets with the technician over those business days
     */
    public record SiteBaseline(String site, Long resolvedWithoutOnSiteTechnician, Long resolvedWithOnSiteTechnician,
            Proportion resolvedWithoutOnSiteTechnicianShare, Double onSitePerBusinessDayStated, long businessDays,
            Double onSitePerBusinessDayRecomputed) {
    }

    public record Factors(Map<String, Double> parcelKgCo2e, String parcelSource, String technicianSource) {
    }
}
