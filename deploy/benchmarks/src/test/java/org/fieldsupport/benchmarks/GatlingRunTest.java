package org.fieldsupport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class GatlingRunTest {

    private static String row(String id, String name, String... values) {
        StringBuilder row = new StringBuilder("<tr id=\"" + id + "\" >\n  <td class=\"total col-1\">\n"
                + "<span class=\"table-cell-tooltip\"><span id=\"stats-table-" + id + "\" class=\"ellipsed-name\">"
                + name + "</span></span>\n  </td>\n");
        for (int i = 0; i < values.length; i++) {
            String kind = i == 1 ? "ok" : i == 2 || i == 3 ? "ko" : "total";
            row.append("  <td class=\"value ").append(kind).append(" col-").append(i + 2).append("\">")
                    .append(values[i]).append("</td>\n");
        }
        return row.append("</tr>").toString();
    }

    @Test
    void readsTheStatisticsTableOfTheReport() {
        String html = "<table><tbody>" + row("ROOT", "All Requests", "500", "498", "2", "0.4", "33.33", "2", "5",
                "9", "48", "70", "81", "6", "3") + "</tbody></table><table><tbody>"
                + row("req_post", "POST /tickets", "500", "498", "2", "0.4", "33.33", "2", "5", "9", "48", "70", "81",
                        "6", "3") + "</tbody></table>";
        GatlingRun run = new GatlingRun(Path.of("."), html);
        assertThat(run.all().name()).isEqualTo("All Requests");
        assertThat(run.all().ok()).isEqualTo(498);
        assertThat(run.all().ko()).isEqualTo(2);
        assertThat(run.all().p50()).isEqualTo(5);
        assertThat(run.all().p99()).isEqualTo(48);
        assertThat(run.all().p999()).isEqualTo(70);
        assertThat(run.request("POST /tickets").max()).isEqualTo(81);
        assertThat(run.request("POST /tickets").okPerSecond()).isEqualTo(33.33);
    }
}
