package org.fieldsupport.survey.reports;

import java.util.Locale;

import org.fieldsupport.survey.campaigns.CampaignResults;
import org.fieldsupport.survey.kpis.KpiSet;

/**
 * The report as one long CSV table (RFC 4180, comma-separated, UTF-8): one row per figure, with its n and 95%
 * interval where it has one, so a spreadsheet can pivot it. Periods are a month (YYYY-MM) or the whole pilot.
 */
public final class ReportCsv {

    static final String HEADER = "section,site,period,metric,value,n,low95,high95,warning";

    private ReportCsv() {
    }

    public static String of(PilotReport report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (PilotReport.SiteSection section : report.sites()) {
            rows(out, "pilot", section.wholePilot(), report.fromMonth() + ".." + report.toMonth());
            for (KpiSet month : section.months()) {
                rows(out, "month", month, month.fromMonth().toString());
            }
        }
        for (PilotReport.SiteBaseline b : report.baseline().sites()) {
            String period = String.valueOf(report.baseline().year());
            row(out, "baseline", b.site(), period, "resolvedWithoutOnSiteTechnician", num(b.resolvedWithoutOnSiteTechnician()), "", "", "", "");
            row(out, "baseline", b.site(), period, "resolvedWithOnSiteTechnician", num(b.resolvedWithOnSiteTechnician()), "", "", "", "");
            if (b.resolvedWithoutOnSiteTechnicianShare() != null) {
                var s = b.resolvedWithoutOnSiteTechnicianShare();
                row(out, "baseline", b.site(), period, "resolvedWithoutOnSiteTechnicianShare", num(s.share()),
                        String.valueOf(s.n()), num(s.low()), num(s.high()), "");
            }
            row(out, "baseline", b.site(), period, "onSitePerBusinessDayStated", num(b.onSitePerBusinessDayStated()), "", "", "", "");
            row(out, "baseline", b.site(), period, "businessDays", String.valueOf(b.businessDays()), "", "", "", "");
            row(out, "baseline", b.site(), period, "onSitePerBusinessDayRecomputed", num(b.onSitePerBusinessDayRecomputed()), "", "", "", "");
        }
        for (CampaignResults c : report.campaigns()) {
            String period = c.opensAt() + ".." + c.closesAt();
            for (CampaignResults.SiteResults s : c.sites()) {
                String section = "campaign " + c.name();
                row(out, section, s.site(), period, "invited", String.valueOf(s.invited()), "", "", "", "");
                row(out, section, s.site(), period, "responseRate", num(s.responseRate().share()),
                        String.valueOf(s.responseRate().n()), num(s.responseRate().low()),
                        num(s.responseRate().high()), nullToEmpty(s.responseRate().warning()));
                for (CampaignResults.QuestionResult q : s.questions()) {
                    row(out, section, s.site(), period, "mean: " + q.question(), num(q.mean()), String.valueOf(q.n()),
                            "", "", "");
                    row(out, section, s.site(), period, "satisfied: " + q.question(), num(q.satisfied().share()),
                            String.valueOf(q.satisfied().n()), num(q.satisfied().low()), num(q.satisfied().high()),
                            nullToEmpty(q.satisfied().warning()));
                }
            }
        }
        return out.toString();
    }

    private static void rows(StringBuilder out, String section, KpiSet set, String period) {
        for (Metrics.Metric m : Metrics.of(set)) {
            String high = "hours".equals(m.kind()) ? "" : num(m.high());
            String note = m.warning() == null ? "" : m.warning();
            if ("hours".equals(m.kind()) && m.high() != null) {
                note = "median; p90 " + Metrics.number(m.high());
            }
            row(out, section, set.site(), period, m.name(), num(m.value()), m.n() == null ? "" : String.valueOf(m.n()),
                    "hours".equals(m.kind()) ? "" : num(m.low()), high, note);
        }
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells[i]));
        }
        out.append("\r\n");
    }

    static String escape(String cell) {
        String value = cell == null ? "" : cell;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String num(Number value) {
        if (value == null) {
            return "";
        }
        double d = value.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.4f", d);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
