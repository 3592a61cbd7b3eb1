package org.fieldsupport.survey.reports;

import static org.fieldsupport.survey.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldsupport.survey.campaigns.CampaignResults;
import org.fieldsupport.survey.kpis.KpiSet;
import org.fieldsupport.survey.kpis.Proportion;
import org.fieldsupport.survey.web.Html;

/** The printable report: cautions first, the comparison, charts, month-by-month tables, baseline, definitions. */
public final class ReportHtml {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.of("Europe/Paris"));

    private ReportHtml() {
    }

    public static String of(PilotReport r, String selfPath) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(escape(r.title())).append("</h1>");
        b.append("<p class=\"note\">Pilot period ").append(r.fromMonth()).append(" to ").append(r.toMonth())
                .append(" · generated ").append(STAMP.format(r.generatedAt())).append(" (Europe/Paris) · ")
                .append("<span class=\"noprint\"><a href=\"").append(escape(selfPath)).append("?format=json\">JSON</a> · ")
                .append("<a href=\"").append(escape(selfPath)).append("?format=csv\">CSV</a> · print with your browser "
                        + "(Ctrl+P)</span></p>");

        b.append("<section aria-labelledby=\"cautions\"><h2 id=\"cautions\">Read this first</h2><ul>");
        for (String caution : r.cautions()) {
            b.append("<li>").append(escape(caution)).append("</li>");
        }
        b.append("</ul><p class=\"note\">Every share is given with its n and its 95% Wilson interval [low–high]: the "
                + "range where the true value plausibly lies. ⚠ marks a share resting on fewer than the required "
                + "observations. Durations are business hours of the site.</p></section>");

        b.append("<section aria-labelledby=\"comparison\"><h2 id=\"comparison\">Whole pilot, site by site</h2>");
        b.append(comparisonTable(r));
        b.append("</section>");

        b.append("<section aria-labelledby=\"charts\"><h2 id=\"charts\">Charts</h2>");
        b.append(charts(r));
        b.append("</section>");

        for (PilotReport.SiteSection section : r.sites()) {
            String id = "month-" + section.site().toLowerCase(Locale.ROOT);
            b.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\">")
                    .append(escape(section.site())).append(", month by month</h2>");
            b.append("<p class=\"note\">").append(escape(section.role())).append("</p>");
            b.append(monthTable(section));
            b.append("</section>");
        }

        b.append("<section aria-labelledby=\"baseline\"><h2 id=\"baseline\">").append(r.baseline().year())
                .append(" baseline</h2><p class=\"note\">Source: ").append(escape(r.baseline().source())).append("</p>");
        b.append("<table><thead><tr><th scope=\"col\">Site</th><th scope=\"col\">Resolved without on-site technician"
                + "</th><th scope=\"col\">Resolved with him</th><th scope=\"col\">Share without</th><th scope=\"col\">"
                + "On-site per business day (stated)</th><th scope=\"col\">Business days</th><th scope=\"col\">"
                + "On-site per business day (recomputed)</th></tr></thead><tbody>");
        for (PilotReport.SiteBaseline s : r.baseline().sites()) {
            b.append("<tr><td>").append(escape(s.site())).append("</td><td>").append(orDash(s.resolvedWithoutOnSiteTechnician()))
                    .append("</td><td>").append(orDash(s.resolvedWithOnSiteTechnician())).append("</td><td>")
                    .append(s.resolvedWithoutOnSiteTechnicianShare() == null ? "—"
                            : share(s.resolvedWithoutOnSiteTechnicianShare()))
                    .append("</td><td>").append(orDash(s.onSitePerBusinessDayStated())).append("</td><td>")
                    .append(s.businessDays()).append("</td><td>").append(orDash(s.onSitePerBusinessDayRecomputed()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></section>");

        if (!r.campaigns().isEmpty()) {
            b.append("<section aria-labelledby=\"campaigns\"><h2 id=\"campaigns\">Complementary surveys (reported apart)"
                    + "</h2>");
            for (CampaignResults c : r.campaigns()) {
                b.append(campaignTable(c));
            }
            b.append("</section>");
        }

        b.append("<section aria-labelledby=\"factors\"><h2 id=\"factors\">Factors</h2><ul>");
        r.factors().parcelKgCo2e().forEach((method, kg) -> b.append("<li>").append(escape(method)).append(": ")
                .append(Metrics.number(kg)).append(" kg CO2e per parcel</li>"));
        b.append("<li>Parcels: ").append(escape(r.factors().parcelSource())).append("</li><li>Technician trips: ")
                .append(escape(r.factors().technicianSource())).append("</li></ul></section>");

        b.append("<section aria-labelledby=\"definitions\"><h2 id=\"definitions\">Definitions</h2><dl>");
        for (Map.Entry<String, String> d : r.definitions().entrySet()) {
            b.append("<dt><strong>").append(escape(d.getKey())).append("</strong></dt><dd>").append(escape(d.getValue()))
                    .append("</dd>");
        }
        b.append("</dl></section>");
        return Html.page("en", r.title(), b.toString());
    }

    private static String comparisonTable(PilotReport r) {
        StringBuilder t = new StringBuilder("<table id=\"comparison-table\"><thead><tr><th scope=\"col\">Figure</th>");
        List<List<Metrics.Metric>> columns = new ArrayList<>();
        for (PilotReport.SiteSection s : r.sites()) {
            t.append("<th scope=\"col\">").append(escape(s.site())).append("<br><span class=\"note\">")
                    .append(escape(s.role())).append("</span></th>");
            columns.add(Metrics.of(s.wholePilot()));
        }
        for (PilotReport.SiteBaseline b : r.baseline().sites()) {
            t.append("<th scope=\"col\">").append(escape(b.site())).append(" ").append(r.baseline().year())
                    .append("<br><span class=\"note\">baseline, where comparable</span></th>");
        }
        t.append("</tr></thead><tbody>");
        if (columns.isEmpty()) {
            return t.append("</tbody></table>").toString();
        }
        for (int row = 0; row < columns.get(0).size(); row++) {
            Metrics.Metric first = columns.get(0).get(row);
            t.append("<tr><th scope=\"row\">").append(escape(first.label())).append("</th>");
            for (List<Metrics.Metric> column : columns) {
                cell(t, column.get(row));
            }
            for (PilotReport.SiteBaseline b : r.baseline().sites()) {
                t.append("<td>").append(escape(baselineFigure(first.name(), b))).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    /** The baseline figure that answers the same question as the pilot's, or a dash. */
    static String baselineFigure(String metric, PilotReport.SiteBaseline b) {
        return switch (metric) {
            case "resolvedRemotely" -> b.resolvedWithoutOnSiteTechnicianShare() == null ? "—"
                    : share(b.resolvedWithoutOnSiteTechnicianShare()) + " resolved without the on-site technician";
            case "resolved" -> b.resolvedWithoutOnSiteTechnician() == null || b.resolvedWithOnSiteTechnician() == null
                    ? "—"
                    : (b.resolvedWithoutOnSiteTechnician() + b.resolvedWithOnSiteTechnician()) + " in the year";
            case "onSiteInterventions" -> b.resolvedWithOnSiteTechnician() == null ? "—"
                    : b.resolvedWithOnSiteTechnician() + " in the year (with the on-site technician)";
            case "onSitePerBusinessDay" -> (b.onSitePerBusinessDayStated() == null ? "—"
                    : Metrics.number(b.onSitePerBusinessDayStated()) + " stated")
                    + (b.onSitePerBusinessDayRecomputed() == null ? ""
                            : "; " + b.onSitePerBusinessDayRecomputed() + " recomputed");
            case "businessDays" -> b.businessDays() + " in the year";
            default -> "—";
        };
    }

    private static String monthTable(PilotReport.SiteSection section) {
        StringBuilder t = new StringBuilder("<table><thead><tr><th scope=\"col\">Figure</th>");
        List<List<Metrics.Metric>> columns = new ArrayList<>();
        for (KpiSet month : section.months()) {
            t.append("<th scope=\"col\">").append(month.fromMonth()).append("</th>");
            columns.add(Metrics.of(month));
        }
        t.append("<th scope=\"col\">Whole pilot</th></tr></thead><tbody>");
        columns.add(Metrics.of(section.wholePilot()));
        appendRows(t, columns);
        return t.append("</tbody></table>").toString();
    }

    private static void appendRows(StringBuilder t, List<List<Metrics.Metric>> columns) {
        if (columns.isEmpty()) {
            return;
        }
        for (int row = 0; row < columns.get(0).size(); row++) {
            t.append("<tr><th scope=\"row\">").append(escape(columns.get(0).get(row).label())).append("</th>");
            for (List<Metrics.Metric> column : columns) {
                cell(t, column.get(row));
            }
            t.append("</tr>");
        }
    }

    private static void cell(StringBuilder t, Metrics.Metric m) {
        t.append("<td>").append(escape(Metrics.display(m)));
        if (m.warning() != null && m.value() != null) {
            t.append("<br><span class=\"warn\">⚠ too few to conclude</span>");
        }
        t.append("</td>");
    }

    private static String campaignTable(CampaignResults c) {
        StringBuilder t = new StringBuilder("<h3>").append(escape(c.name())).append("</h3><p class=\"note\">Open ")
                .append(STAMP.format(c.opensAt())).append(" to ").append(STAMP.format(c.closesAt())).append("</p>");
        t.append("<table><thead><tr><th scope=\"col\">Question</th>");
        for (CampaignResults.SiteResults s : c.sites()) {
            t.append("<th scope=\"col\">").append(escape(s.site())).append("</th>");
        }
        t.append("</tr></thead><tbody><tr><th scope=\"row\">Invited / response rate</th>");
        for (CampaignResults.SiteResults s : c.sites()) {
            t.append("<td>").append(s.invited()).append(" / ").append(share(s.responseRate())).append("</td>");
        }
        t.append("</tr>");
        for (int q = 0; q < c.questions().size(); q++) {
            t.append("<tr><th scope=\"row\">").append(escape(c.questions().get(q))).append("</th>");
            for (CampaignResults.SiteResults s : c.sites()) {
                CampaignResults.QuestionResult result = s.questions().get(q);
                t.append("<td>mean ").append(result.mean() == null ? "—" : Metrics.number(result.mean()))
                        .append("/5; satisfied ").append(share(result.satisfied())).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String charts(PilotReport r) {
        StringBuilder c = new StringBuilder();
        List<PilotReport.SiteSection> sites = r.sites();
        if (sites.isEmpty()) {
            return "";
        }
        List<String> months = sites.get(0).months().stream().map(k -> k.fromMonth().toString()).toList();
        List<String> siteNames = sites.stream().map(PilotReport.SiteSection::site).toList();
        double[][] tickets = new double[months.size()][siteNames.size()];
        double[][] onSite = new double[months.size()][siteNames.size()];
        for (int s = 0; s < sites.size(); s++) {
            for (int m = 0; m < months.size(); m++) {
                tickets[m][s] = sites.get(s).months().get(m).tickets();
                onSite[m][s] = sites.get(s).months().get(m).onSiteInterventions();
            }
        }
        c.append("<figure>").append(Svg.groupedBars("chart-tickets", "Tickets opened per month", months, siteNames,
                tickets, "tickets")).append("</figure>");
        c.append("<figure>").append(Svg.groupedBars("chart-onsite", "On-site interventions per month", months,
                siteNames, onSite, "interventions")).append("</figure>");

        Map<String, PilotReport.SiteBaseline> baseline = new java.util.HashMap<>();
        r.baseline().sites().forEach(b -> baseline.put(b.site(), b));
        List<Svg.ShareRow> remote = new ArrayList<>();
        List<Svg.ShareRow> onTime = new ArrayList<>();
        List<Svg.ShareRow> satisfied = new ArrayList<>();
        List<Svg.ShareRow> response = new ArrayList<>();
        for (PilotReport.SiteSection s : sites) {
            PilotReport.SiteBaseline base = baseline.get(s.site());
            Proportion baseShare = base == null ? null : base.resolvedWithoutOnSiteTechnicianShare();
            remote.add(new Svg.ShareRow(s.site(), s.wholePilot().resolvedRemotely(),
                    baseShare == null ? null : baseShare.share(), baseShare == null ? null : r.baseline().year() + ""));
            onTime.add(new Svg.ShareRow(s.site(), s.wholePilot().onTime(), null, null));
            satisfied.add(new Svg.ShareRow(s.site(), s.wholePilot().satisfied(), null, null));
            response.add(new Svg.ShareRow(s.site(), s.wholePilot().responseRate(), null, null));
        }
        c.append("<figure>").append(Svg.shares("chart-remote", "Resolved remotely (dashed: 2024 baseline)", remote)).append("</figure>");
        c.append("<figure>").append(Svg.shares("chart-ontime", "On time against the site's promise", onTime))
                .append("</figure>");
        c.append("<figure>").append(Svg.shares("chart-satisfied", "Satisfied (4–5 of 5), per-intervention surveys",
                satisfied)).append("</figure>");
        c.append("<figure>").append(Svg.shares("chart-response", "Survey response rate", response))
                .append("</figure>");

        double[][] waits = new double[siteNames.size()][2];
        double[][] carbon = new double[siteNames.size()][2];
        for (int s = 0; s < sites.size(); s++) {
            KpiSet k = sites.get(s).wholePilot();
            waits[s][0] = k.timeToInterventionHours().median() == null ? 0 : k.timeToInterventionHours().median();
            waits[s][1] = k.timeToInterventionHours().p90() == null ? 0 : k.timeToInterventionHours().p90();
            carbon[s][0] = k.technicianCo2eKg();
            carbon[s][1] = k.parcelCo2eKg();
        }
        c.append("<figure>").append(Svg.groupedBars("chart-wait", "Time to intervention, business hours (0 = no "
                + "data)", siteNames, List.of("median", "90th percentile"), waits, "h")).append("</figure>");
        c.append("<figure>").append(Svg.groupedBars("chart-co2", "kg CO2e: technician trips vs parcels (assumed "
                + "factor)", siteNames, List.of("technician trips", "parcels"), carbon, "kg CO2e")).append("</figure>");
        return c.toString();
    }

    private static String share(Proportion p) {
        if (p.share() == null) {
            return "— (n = 0)";
        }
        return String.format(Locale.ROOT, "%.0f%% [%.0f–%.0f%%] (n = %d)%s", p.share() * 100, p.low() * 100,
                p.high() * 100, p.n(), p.enoughData() ? "" : " ⚠");
    }

    private static String orDash(Object value) {
        return value == null ? "—" : escape(value);
    }
}
