package org.fieldsupport.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./deploy/replay.sh [--scenario all|baseline|quarter] [--seed 2025] [--dijon-rate 0.6] [--from 2025-10-01]
 * [--to 2025-12-31] [--state .local] [--patience-seconds 600] [--report-dir DIR]}: generates the 2024 baseline year
 * and the pilot quarter (both by default; {@code --from}/{@code --to} narrow the quarter) and plays them against a
 * running {@code ./deploy/run} platform, printing each one's figures as the platform gives them back. Like the launcher, it reads
 * {@code PLATFORM_STATE_DIR} (the tokens and the webhook key, default {@code .local}) and the services' ports
 * ({@code TICKET_SERVICE_PORT} 8081 … {@code SURVEY_SERVICE_PORT} 8084) from the environment.
 */
public final class Replay {

    private Replay() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long seed = Long.parseLong(options.getOrDefault("seed", "2025"));
        double dijonRate = Double.parseDouble(options.getOrDefault("dijon-rate",
                String.valueOf(PilotSite.DEFAULT_DIJON_RATE)));
        String which = options.getOrDefault("scenario", "all");
        List<ScenarioSettings> scenarios = new ArrayList<>();
        if (which.equals("all") || which.equals("baseline")) {
            scenarios.add(ScenarioSettings.baseline(seed));
        }
        if (which.equals("all") || which.equals("quarter")) {
            scenarios.add(ScenarioSettings.quarter(seed, dijonRate).between(
                    LocalDate.parse(options.getOrDefault("from", ScenarioSettings.PILOT_START.toString())),
                    LocalDate.parse(options.getOrDefault("to", ScenarioSettings.PILOT_END.toString()))));
        }
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("--scenario is all, baseline or quarter; got " + which);
        }
        Path state = Path.of(options.getOrDefault("state",
                System.getenv().getOrDefault("PLATFORM_STATE_DIR", ".local")));
        Duration patience = Duration.ofSeconds(Long.parseLong(options.getOrDefault("patience-seconds", "600")));
        byte[] webhookKey = Files.readString(state.resolve("secrets/webhook.key"), StandardCharsets.UTF_8).trim()
                .getBytes(StandardCharsets.UTF_8);
        PlatformClient client = new PlatformClient(role -> token(state, role), webhookKey);
        PlatformClient.Endpoints endpoints = PlatformClient.Endpoints.local(System.getenv());
        Path reportDir = options.containsKey("report-dir") ? Path.of(options.get("report-dir")) : null;

        ReplayPlayer.Result last = null;
        for (ScenarioSettings settings : scenarios) {
            Scenario scenario = new QuarterGenerator().generate(settings);
            System.out.printf(Locale.ROOT, "%nSeed %d, %s to %s: %d tickets and %d sick days generated%n", seed,
                    settings.firstDay(), settings.lastDay(), scenario.tickets().size(), scenario.absences().size());
            for (PilotSite site : settings.sites()) {
                int days = scenario.businessDays().get(site.code()).size();
                System.out.printf(Locale.ROOT,
                        "  %-11s %3d business days, %4d tickets, %3d hands-on (%.2f per day), %3d surveys, "
                                + "%2d answered, %2d satisfied%n",
                        site.code(), days, scenario.ticketsOf(site.code()).size(), scenario.handsOn(site.code()),
                        days == 0 ? 0.0 : (double) scenario.handsOn(site.code()) / days,
                        scenario.surveys(site.code()), scenario.answers(site.code()),
                        scenario.satisfied(site.code()));
            }
            last = new ReplayPlayer(client, endpoints, patience, System.out).play(scenario);
            System.out.printf(Locale.ROOT, "Replayed in %ds%n%n", last.took().toSeconds());
            ReplayPlayer.printSummary(last.kpis(), last.expected().keySet(), System.out);
            if (reportDir != null) {
                Files.createDirectories(reportDir);
                Path file = reportDir.resolve("kpis-" + YearMonth.from(settings.firstDay()) + "-to-"
                        + YearMonth.from(settings.lastDay()) + ".json");
                Files.writeString(file, last.kpis().toPrettyString(), StandardCharsets.UTF_8);
                System.out.println("Wrote " + file);
            }
        }
        System.out.println();
        ReplayPlayer.printCautions(last.report(), System.out);
        if (reportDir != null) {
            for (String format : new String[] { "json", "csv", "html" }) {
                Path file = reportDir.resolve("pilot-report." + format);
                Files.writeString(file, client.getText(ReplayPlayer.PILOT_MANAGER,
                        endpoints.surveys() + "/pilot/report?format=" + format), StandardCharsets.UTF_8);
                System.out.println("Wrote " + file);
            }
        }
    }

    private static String token(Path state, String role) throws IOException {
        return Files.readString(state.resolve("tokens/" + role + ".jwt"), StandardCharsets.UTF_8).trim();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: --scenario all|baseline|quarter --seed N --dijon-rate R "
                        + "--from YYYY-MM-DD --to YYYY-MM-DD --state DIR --patience-seconds S --report-dir DIR "
                        + "(each optional); got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
