package org.fieldsupport.replay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sites that do not exist, for the throughput replay (issue 9, scenario 4): {@code count} sites {@code SITE001},
 * {@code SITE002}…, each served by its own roving technicians (J+1, the scheme of sites without an on-site
 * technician) and with a few meeting rooms. Their volumes are the brief's: an on-site rate per business day drawn
 * between Dijon's assumed 0.6 less and more a tenth, so a year of 100 sites is about 66,000 tickets. Their holiday
 * regions are the three pilot sites' in turn, so that Alsace-Moselle's calendar is among them. The same seed gives
 * the same sites.
 *
 * <p>They are described in the formats of {@code deploy/reference-data/} ({@link #sitesJson()},
 * {@link #techniciansJson()}, {@link #logisticsJson()}), so the launcher registers them through the services' admin
 * APIs exactly as it registers the real sites. Survey-service learns its pilot sites from its configuration, not from
 * an API: {@link #surveyServiceProperties()} is what an operator would add there.
 */
public final class SyntheticSites {

    public static final LocalDate POLICY_FROM = LocalDate.of(2024, 1, 1);
    static final String[] REGIONS = { "FR-67", "FR-54", "FR-21" };
    static final double MIN_RATE = PilotSite.DEFAULT_DIJON_RATE - 0.1;
    static final double MAX_RATE = PilotSite.DEFAULT_DIJON_RATE + 0.1;
    static final int ROOMS_PER_SITE = 3;
    /** Two per site: a sick day moves the visits to the colleague rather than past the promise. */
    static final int TECHNICIANS_PER_SITE = 2;

    /** One synthetic site: what the generator needs, where it is, and the technicians who serve only it. */
    public record Site(PilotSite site, double latitude, double longitude, List<String> technicians) {
    }

    private final List<Site> sites;

    private SyntheticSites(List<Site> sites) {
        this.sites = sites;
    }

    public static SyntheticSites generate(int count, long seed) {
        if (count < 1 || count > 999) {
            throw new IllegalArgumentException("Between 1 and 999 synthetic sites, not " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Site> sites = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String code = String.format(Locale.ROOT, "SITE%03d", i);
            List<String> rooms = new ArrayList<>();
            for (int r = 1; r <= ROOMS_PER_SITE; r++) {
                rooms.add(code + "-ROOM" + r);
            }
            List<String> technicians = new ArrayList<>();
            for (int t = 1; t <= TECHNICIANS_PER_SITE; t++) {
                technicians.add("T-" + code + "-" + t);
            }
            double rate = Math.round((MIN_RATE + random.nextDouble() * (MAX_RATE - MIN_RATE)) * 1000) / 1000.0;
            // Somewhere in mainland France.
            double latitude = Math.round((43.5 + random.nextDouble() * 6.5) * 10_000) / 10_000.0;
            double longitude = Math.round((-1.0 + random.nextDouble() * 8.0) * 10_000) / 10_000.0;
            sites.add(new Site(new PilotSite(code, REGIONS[(i - 1) % REGIONS.length], List.copyOf(rooms), rate),
                    latitude, longitude, List.copyOf(technicians)));
        }
        return new SyntheticSites(List.copyOf(sites));
    }

    public List<Site> sites() {
        return sites;
    }

    public List<PilotSite> pilotSites() {
        return sites.stream().map(Site::site).toList();
    }

    public List<String> technicians() {
        return sites.stream().flatMap(site -> site.technicians().stream()).toList();
    }

    /** A year of these sites, with the brief's proportions (as the 2024 baseline is generated). */
    public ScenarioSettings year(long seed, int year) {
        return ScenarioSettings.withBriefProportions(seed, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                pilotSites(), technicians());
    }

    /** The scenario cut into one lane per site: no technician serves two sites, so lanes are independent. */
    public List<Scenario> lanes(Scenario scenario) {
        return sites.stream().map(site -> scenario.lane(site.site(), site.technicians())).toList();
    }

    /** As {@code deploy/reference-data/sites.json}: the desk's site, dispatch's policy and its meeting rooms. */
    public ArrayNode sitesJson() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Site site : sites) {
            ObjectNode entry = out.addObject();
            entry.put("code", site.site().code()).put("name", "Synthetic site " + site.site().code())
                    .put("timeZone", QuarterGenerator.ZONE.getId()).put("holidayRegion", site.site().holidayRegion());
            entry.putObject("dispatch").put("effectiveFrom", POLICY_FROM.toString()).put("mode", "ROVING")
                    .put("latitude", site.latitude()).put("longitude", site.longitude()).put("onSiteMinutes", 60)
                    .put("meetingRoomMinutes", 45).put("collectionMinutes", 30);
            ArrayNode rooms = entry.putArray("meetingRooms");
            for (String room : site.site().meetingRooms()) {
                rooms.addObject().put("id", room).put("name", "Room " + room);
            }
        }
        return out;
    }

    /** As {@code deploy/reference-data/technicians.json}: each site's own roving technicians, based there. */
    public ArrayNode techniciansJson() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Site site : sites) {
            for (String technician : site.technicians()) {
                ObjectNode entry = out.addObject();
                entry.put("id", technician).put("name", "Roving technician of " + site.site().code())
                        .put("team", "FIELD-" + site.site().code()).put("baseLatitude", site.latitude())
                        .put("baseLongitude", site.longitude());
                entry.putArray("sites").add(site.site().code());
                entry.putArray("skills").add("MEETING_ROOM_AV");
            }
        }
        return out;
    }

    /**
     * As {@code deploy/reference-data/logistics.json}, the sites part only: no on-site hand-over and no locker, so
     * accessories go as parcels from the central warehouse (whose stock the replay tops up for its parcels).
     */
    public ObjectNode logisticsJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode logisticsSites = out.putArray("sites");
        for (Site site : sites) {
            logisticsSites.addObject().put("code", site.site().code()).put("ossHandover", false);
        }
        return out;
    }

    /**
     * Survey-service's configuration for these sites: the pilot's sites (the reference data's three first) and each
     * one's holiday region, as system properties for its JVM.
     */
    public Map<String, String> surveyServiceProperties(List<String> existingPilotSites) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>(existingPilotSites);
        sites.forEach(site -> codes.add(site.site().code()));
        properties.put("pilot.sites", String.join(",", codes));
        for (Site site : sites) {
            properties.put("pilot.site." + site.site().code() + ".holiday-region", site.site().holidayRegion());
        }
        return properties;
    }
}
