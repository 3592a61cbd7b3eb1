package org.fieldsupport.replay;

import java.time.LocalDate;
import java.util.List;

/**
 * What a generated scenario is made of. Rates are per business day of the site's calendar.
 *
 * @param remoteShare share of hardware incidents the desk resolves remotely (the brief: about 75%)
 * @param meetingRoomShareOfOnSite share of the on-site tickets that are meeting-room incidents
 * @param accessoriesPerBusinessDay accessories shipped to the employee's home
 * @param returnsPerBusinessDay equipment returns collected by a technician
 * @param allocationsPerBusinessDay new-hire allocations
 * @param surveyResponseRate share of survey invitations the employees answer (the brief: about 20%)
 * @param satisfiedShare share of answers that are satisfied, 4 or 5 of 5 (the brief: about 95%)
 * @param technicians the field technicians of {@code deploy/reference-data/technicians.json}
 * @param sickDaysPerTechnicianPerMonth single days off sick, declared the same morning
 */
public record ScenarioSettings(long seed, LocalDate firstDay, LocalDate lastDay, List<PilotSite> sites,
        double remoteShare, double meetingRoomShareOfOnSite, double accessoriesPerBusinessDay,
        double returnsPerBusinessDay, double allocationsPerBusinessDay, double surveyResponseRate,
        double satisfiedShare, List<String> technicians, double sickDaysPerTechnicianPerMonth) {

    public static final double RESPONSE_RATE = 0.2;
    public static final double SATISFIED_SHARE = 0.95;
    /** The reference data's technicians: the two roving ones and Nancy's half-time on-site technician. */
    public static final List<String> TECHNICIANS = List.of("T-EST-01", "T-EST-02", "T-BFC-01");
    /** About a dozen days off sick a year each. */
    public static final double SICK_DAYS_PER_MONTH = 1.0;
    public static final LocalDate BASELINE_START = LocalDate.of(2024, 1, 1);
    public static final LocalDate BASELINE_END = LocalDate.of(2024, 12, 31);

    public static final LocalDate PILOT_START = LocalDate.of(2025, 10, 1);
    public static final LocalDate PILOT_END = LocalDate.of(2025, 12, 31);

    public ScenarioSettings {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day " + lastDay + " is before the first " + firstDay);
        }
        if (remoteShare < 0 || remoteShare >= 1) {
            throw new IllegalArgumentException("remoteShare must be in [0, 1): " + remoteShare);
        }
        if (surveyResponseRate < 0 || surveyResponseRate > 1 || satisfiedShare < 0 || satisfiedShare > 1) {
            throw new IllegalArgumentException("surveyResponseRate and satisfiedShare must be in [0, 1]");
        }
    }

    /** The pilot quarter, October to December 2025, with the brief's figures. */
    public static ScenarioSettings quarter(long seed, double dijonRate) {
        return withBriefProportions(seed, PILOT_START, PILOT_END, PilotSite.defaults(dijonRate), TECHNICIANS);
    }

    /**
     * The 2024 baseline year of the brief, for Strasbourg and Nancy (Dijon had no study): their on-site tickets per
     * business day (0.67 and 0.88) with the desk resolving the other three quarters of hardware incidents remotely;
     * the same proportions of the other requests as the quarter.
     */
    public static ScenarioSettings baseline(long seed) {
        List<PilotSite> studied = PilotSite.defaults(PilotSite.DEFAULT_DIJON_RATE).stream()
                .filter(site -> !site.code().equals("DIJON")).toList();
        return withBriefProportions(seed, BASELINE_START, BASELINE_END, studied, TECHNICIANS);
    }

    /**
     * Any sites and technicians over a period, with the same proportions of remote resolutions, meeting rooms,
     * parcels, returns, allocations, surveys and sick days as the baseline and the quarter: the synthetic sites of
     * the throughput replay are generated like the brief's.
     */
    public static ScenarioSettings withBriefProportions(long seed, LocalDate first, LocalDate last,
            List<PilotSite> sites, List<String> technicians) {
        return new ScenarioSettings(seed, first, last, sites, 0.75, 0.1, 0.3, 0.1, 0.05, RESPONSE_RATE,
                SATISFIED_SHARE, technicians, SICK_DAYS_PER_MONTH);
    }

    /** The same period and proportions for other sites and technicians (one lane of a concurrent replay). */
    public ScenarioSettings forSites(List<PilotSite> someSites, List<String> theirTechnicians) {
        return new ScenarioSettings(seed, firstDay, lastDay, someSites, remoteShare, meetingRoomShareOfOnSite,
                accessoriesPerBusinessDay, returnsPerBusinessDay, allocationsPerBusinessDay, surveyResponseRate,
                satisfiedShare, theirTechnicians, sickDaysPerTechnicianPerMonth);
    }

    public ScenarioSettings between(LocalDate first, LocalDate last) {
        return new ScenarioSettings(seed, first, last, sites, remoteShare, meetingRoomShareOfOnSite,
                accessoriesPerBusinessDay, returnsPerBusinessDay, allocationsPerBusinessDay, surveyResponseRate,
                satisfiedShare, technicians, sickDaysPerTechnicianPerMonth);
    }
}
