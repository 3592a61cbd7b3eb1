package org.fieldsupport.survey.pilot;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The pilot's configured sites and calendar. */
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
    PilotSites sites(@ConfigProperty(name = "pilot.sites") List<String> codes) {
        return new PilotSites(List.copyOf(codes));
    }

    /** The sites of the pilot, in report order. */
    public record PilotSites(List<String> codes) {
    }
}
