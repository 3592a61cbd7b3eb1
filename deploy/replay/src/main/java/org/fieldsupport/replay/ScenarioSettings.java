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
 */
public record ScenarioSettings(long seed, LocalDate firstDay, LocalDate lastDay, List<PilotSite> sites,
        double remoteShare, double meetingRoomShareOfOnSite, double accessoriesPerBusinessDay,
        double returnsPerBusinessDay, double allocationsPerBusinessDay) {

    public static final LocalDate PILOT_START = LocalDate.of(2025, 10, 1);
    public static final LocalDate PILOT_END = LocalDate.of(2025, 12, 31);

    public ScenarioSettings {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day " + lastDay + " is before the first " + firstDay);
        }
        if (remoteShare < 0 || remoteShare >= 1) {
            throw new IllegalArgumentException("remoteShare must be in [0, 1): " + remoteShare);
        }
    }

    /** The pilot quarter, October to December 2025, with the brief's figures. */
    public static ScenarioSettings quarter(long seed, double dijonRate) {
        return new ScenarioSettings(seed, PILOT_START, PILOT_END, PilotSite.defaults(dijonRate), 0.75, 0.1, 0.3,
                0.1, 0.05);
    }

    public ScenarioSettings between(LocalDate first, LocalDate last) {
        return new ScenarioSettings(seed, first, last, sites, remoteShare, meetingRoomShareOfOnSite,
                accessoriesPerBusinessDay, returnsPerBusinessDay, allocationsPerBusinessDay);
    }
}
