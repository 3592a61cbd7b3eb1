package org.fieldsupport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs one Gatling simulation in this JVM and reads the figures of its report. */
final class GatlingRun {

    /** Figures of one request name (or "All Requests"): counts, percentiles (ms) and throughput. */
    record Figures(String name, long ok, long ko, double p50, double p90, double p99, double p999, double max,
            double okPerSecond) {
    }

    final Path reportDir;
    final Map<String, Figures> figures = new LinkedHashMap<>();

    private GatlingRun(Path reportDir) throws IOException {
        this(reportDir, Files.readString(reportDir.resolve("index.html")));
    }

    GatlingRun(Path reportDir, String indexHtml) {
        this.reportDir = reportDir;
        parse(indexHtml);
    }

    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /** The statistics table of the report's index page: one row for all requests, then one per request name. */
    void parse(String html) {
        String[] rows = html.split("<tr id=\"");
        for (String row : rows) {
            Matcher name = NAME.matcher(row);
            if (!name.find()) {
                continue;
            }
            Map<Integer, Double> cells = new java.util.HashMap<>();
            Matcher cell = CELL.matcher(row);
            while (cell.find()) {
                cells.put(Integer.parseInt(cell.group(1)), num(cell.group(2)));
            }
            if (cells.size() < 13) {
                continue;
            }
            String n = name.group(1).replace("&amp;", "&");
            figures.putIfAbsent(n, new Figures(n, cells.get(3).longValue(), cells.get(4).longValue(), cells.get(8),
                    cells.get(9), cells.get(10), cells.get(11), cells.get(12), cells.get(6)));
        }
    }

    private static double num(String value) {
        try {
            return Double.parseDouble(value.replace(",", "").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    Figures all() {
        return figures.values().iterator().next();
    }

    Figures request(String name) {
        return figures.get(name);
    }

    static GatlingRun run(Class<?> simulation, double rate, int seconds, Path resultsFolder, String description)
            throws IOException {
        return report(simulate(simulation, rate, seconds, resultsFolder, description));
    }

    /**
     * Runs the simulation without writing its report, so that what the caller measures when the load stops (the
     * consumers' lag) is not measured seconds later, after the report of a long run has been written.
     * {@link #report} writes it.
     */
    static Path simulate(Class<?> simulation, double rate, int seconds, Path resultsFolder, String description)
            throws IOException {
        System.setProperty("bench.rate", String.valueOf(rate));
        System.setProperty("bench.seconds", String.valueOf(seconds));
        Files.createDirectories(resultsFolder);
        gatling("-s", simulation.getName(), "-rf", resultsFolder.toString(), "-rd", description, "-nr");
        try (Stream<Path> dirs = Files.list(resultsFolder)) {
            return dirs.filter(Files::isDirectory)
                    .max(Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
        }
    }

    /** Writes the HTML report of a simulated run from its log, and reads its figures. */
    static GatlingRun report(Path runFolder) throws IOException {
        gatling("-rf", runFolder.getParent().toString(), "-ro", runFolder.getFileName().toString());
        return new GatlingRun(runFolder);
    }

    private static void gatling(String... args) {
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(args);
        if (status != 0) {
            System.out.println("Gatling ended with status " + status);
        }
    }
}
