package org.fieldsupport.survey.reports;

import static org.fieldsupport.survey.web.Html.escape;

import java.util.List;
import java.util.Locale;

import org.fieldsupport.survey.kpis.Proportion;

/** Server-rendered charts: plain SVG, no script, readable when printed; each has a title and a text description. */
public final class Svg {

    static final String[] COLOURS = { "#0b5cad", "#c4581b", "#2e8540", "#6f42c1", "#8c959f" };

    private Svg() {
    }

    /** One bar per row: a share from 0 to 100%, its 95% interval as a whisker, an optional reference mark. */
    public record ShareRow(String label, Proportion share, Double reference, String referenceLabel) {
    }

    public static String shares(String id, String title, List<ShareRow> rows) {
        int rowHeight = 46;
        int left = 150;
        int width = 700;
        int plot = width - left - 190;
        int height = 40 + rows.size() * rowHeight + 24;
        StringBuilder s = open(id, title, width, height, describeShares(rows));
        for (int t = 0; t <= 100; t += 25) {
            double x = left + plot * t / 100.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"34\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d7de\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">%d%%</text>",
                    x, x, height - 20, x, height - 6, t));
        }
        for (int i = 0; i < rows.size(); i++) {
            ShareRow row = rows.get(i);
            int y = 40 + i * rowHeight;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"end\">%s</text>",
                    left - 8, y + 18, escape(row.label())));
            Proportion p = row.share();
            if (p.share() == null) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#555\">no data "
                        + "(n = 0)</text>", left + 4, y + 18));
            } else {
                double w = plot * p.share();
                String colour = p.enoughData() ? COLOURS[0] : "#9fb8d6";
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>",
                        left, y + 4, w, colour));
                double lo = left + plot * p.low();
                double hi = left + plot * p.high();
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1b1f24\""
                        + " stroke-width=\"1.5\"/><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1b1f24\"/>"
                        + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1b1f24\"/>",
                        lo, y + 14, hi, y + 14, lo, y + 8, lo, y + 20, hi, y + 8, hi, y + 20));
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%.0f%% [%.0f–%.0f%%] n=%d%s"
                        + "</text>", left + plot + 8, y + 18, p.share() * 100, p.low() * 100, p.high() * 100, p.n(),
                        p.enoughData() ? "" : " ⚠"));
            }
            if (row.reference() != null) {
                double x = left + plot * row.reference();
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#a40e26\" "
                        + "stroke-width=\"2\" stroke-dasharray=\"4 2\"/><text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
                        + "fill=\"#a40e26\" text-anchor=\"middle\">%s</text>", x, y, x, y + 28, x, y + 40,
                        escape(row.referenceLabel())));
            }
        }
        return s.append("</svg>").toString();
    }

    /** Grouped bars: for each group (a site or a month), one bar per series. */
    public static String groupedBars(String id, String title, List<String> groups, List<String> series,
            double[][] values, String unit) {
        int width = 640;
        int height = 260;
        int left = 50;
        int bottom = height - 50;
        int plotHeight = bottom - 40;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double top = niceCeiling(max);
        StringBuilder description = new StringBuilder();
        for (int g = 0; g < groups.size(); g++) {
            description.append(groups.get(g)).append(": ");
            for (int k = 0; k < series.size(); k++) {
                description.append(series.get(k)).append(' ').append(Metrics.number(Metrics.round(values[g][k], 2)))
                        .append(' ').append(unit).append(k + 1 < series.size() ? ", " : ". ");
            }
        }
        StringBuilder s = open(id, title, width, height, description.toString());
        for (int t = 0; t <= 4; t++) {
            double v = top * t / 4;
            double y = bottom - plotHeight * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d7de\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">%s</text>",
                    left, y, width - 10, y, left - 4, y + 4, Metrics.number(Metrics.round(v, 2))));
        }
        double groupWidth = (width - left - 10) / (double) Math.max(groups.size(), 1);
        double barWidth = Math.min(40, (groupWidth - 16) / Math.max(series.size(), 1));
        for (int g = 0; g < groups.size(); g++) {
            double x0 = left + g * groupWidth + (groupWidth - barWidth * series.size()) / 2;
            for (int k = 0; k < series.size(); k++) {
                double h = top == 0 ? 0 : plotHeight * values[g][k] / top;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s, %s: %s %s</title></rect>", x0 + k * barWidth, bottom - h,
                        barWidth - 2, h, COLOURS[k % COLOURS.length], escape(groups.get(g)), escape(series.get(k)),
                        Metrics.number(Metrics.round(values[g][k], 2)), escape(unit)));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s"
                    + "</text>", left + g * groupWidth + groupWidth / 2, bottom + 16, escape(groups.get(g))));
        }
        for (int k = 0; k < series.size(); k++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", left + k * 150, height - 22,
                    COLOURS[k % COLOURS.length], left + k * 150 + 16, height - 12, escape(series.get(k))));
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int width, int height, String description) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" "
                + "viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx\" role=\"img\" "
                + "aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>"
                + "<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"600\">%s</text>", id, width, height, width, id,
                id, id, escape(title), id, escape(description), escape(title)));
    }

    private static String describeShares(List<ShareRow> rows) {
        StringBuilder d = new StringBuilder();
        for (ShareRow row : rows) {
            Proportion p = row.share();
            d.append(row.label()).append(": ").append(p.share() == null ? "no data"
                    : String.format(Locale.ROOT, "%.0f%%, 95%% interval %.0f%% to %.0f%%, n = %d", p.share() * 100,
                            p.low() * 100, p.high() * 100, p.n()));
            if (row.reference() != null) {
                d.append(String.format(Locale.ROOT, " (%s: %.0f%%)", row.referenceLabel(), row.reference() * 100));
            }
            d.append(". ");
        }
        return d.toString();
    }

    static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
