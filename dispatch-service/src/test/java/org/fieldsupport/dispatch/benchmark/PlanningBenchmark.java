package org.fieldsupport.dispatch.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.dispatch.policies.HalfDay;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.policies.SupportMode;
import org.fieldsupport.dispatch.promise.OssPresence;
import org.fieldsupport.dispatch.promise.PromiseRules;
import org.fieldsupport.dispatch.scheduling.Planner;
import org.fieldsupport.dispatch.travel.Trips;

/**
 * On demand, not in the build: {@code ./mvnw -pl dispatch-service -am test -Dgroups=benchmark -DexcludedGroups=
 * -Dtest=PlanningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Plans a generated month (October 2025, seeded)
 * of on-site escalations for the three pilot sites at the brief's rates, with a pooled Grand Est technician, the
 * Nancy on-site technician's rota and a week of absence of the pooled technician, through the same promise rules
 * and planner as the service. Prints the share of promises kept per site, the km driven and the planning time per
 * escalation. It measures the planning itself, without the database and Kafka around it.
 */
@Tag("benchmark")
class PlanningBenchmark {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Duration VISIT = Duration.ofHours(1);
    static final int RUNS = 20;

    record Site(String code, String region, SupportMode mode, double lat, double lon, double perBusinessDay) {
    }

    record Technician(String id, double lat, double lon, List<String> sites, String ossSite) {
    }

    /** The three pilot sites, with the brief's on-site escalations per business day. */
    static final List<Site> PILOT_SITES = List.of(
            new Site("STRASBOURG", "FR-67", SupportMode.ROVING, 48.5734, 7.7521, 0.67),
            new Site("NANCY", "FR-54", SupportMode.HALF_TIME_OSS, 48.6921, 6.1844, 0.88),
            new Site("DIJON", "FR-21", SupportMode.ROVING, 47.3220, 5.0415, 0.60));

    @Test
    void planAGeneratedMonth() {
        List<Site> sites = PILOT_SITES;
        List<Technician> team = List.of(
                new Technician("T-EST-01", 48.5839, 7.7455, List.of("STRASBOURG", "NANCY"), null),
                new Technician("T-EST-02", 48.6921, 6.1844, List.of("NANCY"), "NANCY"),
                new Technician("T-BFC-01", 47.3220, 5.0415, List.of("DIJON"), null),
                new Technician("T-EST-03", 48.3000, 6.9500, List.of("STRASBOURG", "NANCY", "DIJON"), null));
        // The pooled Grand Est technician is away for the week of 13 October.
        Instant absenceStart = LocalDate.of(2025, 10, 13).atStartOfDay(PARIS).toInstant();
        Instant absenceEnd = LocalDate.of(2025, 10, 18).atStartOfDay(PARIS).toInstant();

        long[] nanosPerRun = new long[RUNS];
        Result result = null;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            result = planMonth(sites, team, absenceStart, absenceEnd);
            nanosPerRun[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanosPerRun);
        double medianMicrosPerEscalation = nanosPerRun[RUNS / 2] / 1000.0 / result.escalations;
        double p90MicrosPerEscalation = nanosPerRun[(int) (RUNS * 0.9)] / 1000.0 / result.escalations;

        StringBuilder report = new StringBuilder("\nPlanning benchmark: October 2025, seed 2025, ")
                .append(result.escalations).append(" on-site escalations, ").append(RUNS).append(" runs\n");
        for (Site site : sites) {
            int[] counts = result.perSite.get(site.code());
            report.append(String.format(Locale.ROOT, "  %-10s %-13s %3d escalations, %3d promises kept (%.1f%%)%n",
                    site.code(), site.mode(), counts[0], counts[1], 100.0 * counts[1] / counts[0]));
        }
        report.append(String.format(Locale.ROOT, "  all sites: %.1f%% of promises kept; %.0f km driven (estimated, "
                + "one trip per technician-day: base, the day's sites in order, base; OSS at own site 0 km)%n",
                100.0 * result.kept / result.escalations, result.km));
        report.append(String.format(Locale.ROOT, "  planning time per escalation: median %.1f µs, p90 %.1f µs "
                + "(whole month planned %d times; JIT warm after the first runs)%n",
                medianMicrosPerEscalation, p90MicrosPerEscalation, RUNS));
        System.out.println(report);
    }

    /**
     * The load of the platform benchmark's scenario 2: 1,000 escalations per site, all requested on the same Monday
     * morning, at three sites served by twelve roving technicians each. The agendas fill for weeks ahead, so late
     * bookings search many full days: the planner's worst case. Prints the time per escalation and a digest of every
     * slot chosen, so that a faster planner can be shown to choose exactly the same slots.
     */
    @Test
    void planABurstOfEscalationsIntoFullAgendas() {
        // The pilot sites, served by roving technicians only, like the 36 technicians scenario 2 adds.
        List<Site> sites = PILOT_SITES.stream()
                .map(site -> new Site(site.code(), site.region(), SupportMode.ROVING, site.lat(), site.lon(), 0))
                .toList();
        int perSite = 1000;
        int runs = 5;
        long[] nanosPerRun = new long[runs];
        long digest = 0;
        int kept = 0;
        for (int run = 0; run < runs; run++) {
            Map<String, List<Planner.Busy>> agendas = new HashMap<>();
            long start = System.nanoTime();
            long runDigest = 17;
            int runKept = 0;
            Instant at = LocalDate.of(2025, 11, 3).atTime(8, 0).atZone(PARIS).toInstant();
            for (int i = 0; i < perSite; i++) {
                for (Site site : sites) {
                    SiteHours hours = new SiteHours(BusinessCalendar.of(site.region(), PARIS), LocalTime.of(8, 30),
                            LocalTime.of(12, 30), LocalTime.of(13, 30), LocalTime.of(17, 30));
                    List<Planner.Candidate> candidates = new ArrayList<>();
                    for (int t = 1; t <= 12; t++) {
                        String id = site.code() + "-T" + t;
                        candidates.add(new Planner.Candidate(id, site.lat() + t * 0.01, site.lon(), false,
                                (d, h) -> false, agendas.computeIfAbsent(id, k -> new ArrayList<>())));
                    }
                    Instant deadline = PromiseRules.deadline(site.mode(), InterventionKind.ON_SITE, hours, at, VISIT,
                            (d, h) -> false);
                    Planner.Slot slot = Planner.plan(new Planner.Request(site.code(), site.lat(), site.lon(), hours,
                            at, VISIT, deadline), candidates).orElseThrow();
                    agendas.get(slot.technicianId()).add(new Planner.Busy(slot.start(), slot.end(), site.code()));
                    runDigest = 31 * runDigest + slot.hashCode();
                    runKept += slot.keeps(deadline) ? 1 : 0;
                }
            }
            nanosPerRun[run] = System.nanoTime() - start;
            digest = runDigest;
            kept = runKept;
        }
        Arrays.sort(nanosPerRun);
        int escalations = perSite * sites.size();
        System.out.printf(Locale.ROOT, "%nPlanning benchmark, a burst into full agendas: %d escalations at 3 sites, "
                + "12 technicians each, %d runs%n  planning time per escalation: median %.1f µs, best %.1f µs%n"
                + "  promises kept: %d; digest of the slots chosen: %x%n", escalations, runs,
                nanosPerRun[runs / 2] / 1000.0 / escalations, nanosPerRun[0] / 1000.0 / escalations, kept, digest);
    }

    static final class Result {
        int escalations;
        int kept;
        double km;
        final Map<String, int[]> perSite = new HashMap<>();
    }

    private static Result planMonth(List<Site> sites, List<Technician> team, Instant absenceStart,
            Instant absenceEnd) {
        Random random = new Random(2025);
        Map<String, List<Planner.Busy>> agendas = new HashMap<>();
        for (Technician t : team) {
            agendas.put(t.id(), new ArrayList<>());
            if (t.id().equals("T-EST-01")) {
                agendas.get(t.id()).add(new Planner.Busy(absenceStart, absenceEnd, null));
            }
        }
        List<Object[]> escalations = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2025, 10, 1); day.getMonthValue() == 10; day = day.plusDays(1)) {
            for (Site site : sites) {
                BusinessCalendar calendar = BusinessCalendar.of(site.region(), PARIS);
                if (!calendar.isBusinessDay(day)) {
                    continue;
                }
                int count = poisson(random, site.perBusinessDay());
                for (int i = 0; i < count; i++) {
                    LocalTime time = LocalTime.of(8, 0).plusMinutes(random.nextInt(10 * 60));
                    escalations.add(new Object[] {day.atTime(time).atZone(PARIS).toInstant(), site});
                }
            }
        }
        escalations.sort((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
        Result result = new Result();
        for (Object[] escalation : escalations) {
            Instant at = (Instant) escalation[0];
            Site site = (Site) escalation[1];
            SiteHours hours = new SiteHours(BusinessCalendar.of(site.region(), PARIS), LocalTime.of(8, 30),
                    LocalTime.of(12, 30), LocalTime.of(13, 30), LocalTime.of(17, 30));
            OssPresence nancyRota = (day, half) -> switch (day.getDayOfWeek()) {
                case MONDAY, WEDNESDAY, FRIDAY -> half == HalfDay.MORNING;
                case TUESDAY, THURSDAY -> half == HalfDay.AFTERNOON;
                default -> false;
            };
            List<Planner.Candidate> candidates = new ArrayList<>();
            for (Technician t : team) {
                if (t.sites().contains(site.code())) {
                    candidates.add(new Planner.Candidate(t.id(), t.lat(), t.lon(), site.code().equals(t.ossSite()),
                            nancyRota, agendas.get(t.id())));
                }
            }
            Instant deadline = PromiseRules.deadline(site.mode(), InterventionKind.ON_SITE, hours, at, VISIT,
                    site.mode() == SupportMode.ROVING ? (d, h) -> false : nancyRota);
            Planner.Slot slot = Planner.plan(new Planner.Request(site.code(), site.lat(), site.lon(), hours, at,
                    VISIT, deadline), candidates).orElseThrow();
            agendas.get(slot.technicianId()).add(new Planner.Busy(slot.start(), slot.end(), site.code()));
            int[] counts = result.perSite.computeIfAbsent(site.code(), k -> new int[2]);
            counts[0]++;
            result.escalations++;
            if (slot.keeps(deadline)) {
                counts[1]++;
                result.kept++;
            }
        }
        result.km = tripKm(sites, team, agendas);
        return result;
    }

    /** Each technician's day away from their own site is one trip: base, the day's sites in order, base. */
    private static double tripKm(List<Site> sites, List<Technician> team, Map<String, List<Planner.Busy>> agendas) {
        Map<String, Site> byCode = new HashMap<>();
        sites.forEach(s -> byCode.put(s.code(), s));
        double km = 0;
        for (Technician t : team) {
            Map<LocalDate, List<Trips.Place>> days = new TreeMap<>();
            agendas.get(t.id()).stream().filter(b -> b.site() != null && !b.site().equals(t.ossSite()))
                    .sorted(Comparator.comparing(Planner.Busy::start))
                    .forEach(b -> days.computeIfAbsent(b.start().atZone(PARIS).toLocalDate(), d -> new ArrayList<>())
                            .add(new Trips.Place(byCode.get(b.site()).lat(), byCode.get(b.site()).lon())));
            for (List<Trips.Place> stops : days.values()) {
                km += Trips.tripKm(new Trips.Place(t.lat(), t.lon()), stops);
            }
        }
        return km;
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
