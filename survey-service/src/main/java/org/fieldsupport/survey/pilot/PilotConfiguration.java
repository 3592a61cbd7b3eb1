package org.fieldsupport.survey.pilot;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.survey.kpis.BusinessHours;
import org.fieldsupport.survey.kpis.PilotKpiCalculator;

/** The pilot's configured sites, calendars, baseline and factors. */
public class PilotConfiguration {

    @Produces
    @Singleton
    PilotCalendar calendar(@ConfigProperty(name = "pilot.time-zone") String zone,
            @ConfigProperty(name = "pilot.period.start") LocalDate start,
            @ConfigProperty(name = "pilot.period.end") LocalDate end) {
        return new PilotCalendar(ZoneId.of(zone), start, end);
    }

    @Produces
    @Singleton
    PilotSites sites(@ConfigProperty(name = "pilot.sites") List<String> codes, Config config) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (String code : codes) {
            roles.put(code, config.getOptionalValue("pilot.site." + code + ".role", String.class).orElse(""));
        }
        return new PilotSites(List.copyOf(codes), roles);
    }

    @Produces
    @Singleton
    PilotKpiCalculator calculator(PilotCalendar calendar, PilotSites sites, Config config,
            @ConfigProperty(name = "pilot.business-hours") String hours,
            @ConfigProperty(name = "pilot.default-holiday-region") String defaultRegion,
            @ConfigProperty(name = "pilot.minimum-n") long minimumN) {
        List<BusinessHours.Period> periods = BusinessHours.parse(hours);
        Map<String, BusinessHours> bySite = new HashMap<>();
        Map<String, Long> rooms = new HashMap<>();
        for (String site : sites.codes()) {
            String region = config.getOptionalValue("pilot.site." + site + ".holiday-region", String.class)
                    .orElse(defaultRegion);
            String siteHours = config.getOptionalValue("pilot.site." + site + ".business-hours", String.class)
                    .orElse(hours);
            bySite.put(site, new BusinessHours(BusinessCalendar.of(region, calendar.zone()),
                    BusinessHours.parse(siteHours)));
            config.getOptionalValue("pilot.site." + site + ".meeting-rooms", Long.class)
                    .ifPresent(count -> rooms.put(site, count));
        }
        Map<String, Double> parcelFactors = new HashMap<>();
        for (String method : List.of("STANDARD_PARCEL", "EXPRESS_PARCEL")) {
            config.getOptionalValue("pilot.co2e.parcel-kg." + method, Double.class)
                    .ifPresent(kg -> parcelFactors.put(method, kg));
        }
        return new PilotKpiCalculator(calendar.zone(), bySite,
                new BusinessHours(BusinessCalendar.of(defaultRegion, calendar.zone()), periods), minimumN,
                parcelFactors, rooms);
    }

    /** The sites of the pilot, in report order, with their role in the pilot. */
    public record PilotSites(List<String> codes, Map<String, String> roles) {
    }
}
