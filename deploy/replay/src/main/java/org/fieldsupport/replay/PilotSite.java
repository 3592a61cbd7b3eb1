package org.fieldsupport.replay;

import java.util.List;

/**
 * A pilot site as the generator needs it: its code, the holiday region of its calendar, its meeting rooms and its
 * rate of on-site tickets per business day. The defaults mirror {@code deploy/reference-data/sites.json} and the
 * brief's 2024 figures; Dijon's rate is not in the brief, hence configurable.
 */
public record PilotSite(String code, String holidayRegion, List<String> meetingRooms, double onSitePerBusinessDay) {

    public static final double STRASBOURG_RATE = 0.67;
    public static final double NANCY_RATE = 0.88;
    public static final double DEFAULT_DIJON_RATE = 0.6;

    public static List<PilotSite> defaults(double dijonRate) {
        return List.of(
                new PilotSite("STRASBOURG", "FR-67", List.of("STR-RHIN", "STR-ILL", "STR-KLEBER", "STR-VAUBAN"),
                        STRASBOURG_RATE),
                new PilotSite("NANCY", "FR-54", List.of("NCY-STANISLAS", "NCY-GALLE", "NCY-MEURTHE"), NANCY_RATE),
                new PilotSite("DIJON", "FR-21", List.of("DIJ-DUCS", "DIJ-OUCHE", "DIJ-EIFFEL"), dijonRate));
    }
}
