package org.fieldsupport.survey.pilot;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.survey.kpis.KpiDefinitions;
import org.fieldsupport.survey.kpis.KpiSet;
import org.fieldsupport.survey.kpis.PilotKpiCalculator;
import org.fieldsupport.survey.reports.PilotData;

/** The pilot's figures per site, for one month or for the whole pilot (DESIGN §6, §8). */
@Path("/pilot/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class PilotKpiResource {

    static final int MAX_PERIOD_YEARS = 3;

    @Inject
    PilotCalendar calendar;

    @Inject
    PilotConfiguration.PilotSites pilotSites;

    @Inject
    PilotKpiCalculator calculator;

    @Inject
    PilotData data;

    @Inject
    java.time.Clock clock;

    /** The period covered (months inclusive), each site's figures and what every figure means. */
    public record Kpis(String month, YearMonth fromMonth, YearMonth toMonth, List<KpiSet> sites,
            Map<String, String> definitions) {
    }

    @GET
    @RolesAllowed(Roles.PILOT_MANAGER)
    @Operation(summary = "Pilot KPIs per site", description = "For one month (YYYY-MM), for the months from 'from' "
            + "to 'to' (YYYY-MM, both included; for instance the 2024 baseline year of a historical import) or, "
            + "without either, the whole pilot period. Without site: every pilot site. Each figure is defined in "
            + "'definitions'.")
    public Kpis kpis(@Parameter(description = "Site code; all pilot sites when absent") @QueryParam("site") String site,
            @Parameter(description = "Month as YYYY-MM; the whole pilot when absent") @QueryParam("month") String month,
            @Parameter(description = "First month (YYYY-MM) of a period; with 'to', not with 'month'") @QueryParam("from") String fromMonth,
            @Parameter(description = "Last month (YYYY-MM) of a period; with 'from', not with 'month'") @QueryParam("to") String toMonth) {
        YearMonth from;
        YearMonth to;
        if (fromMonth != null || toMonth != null) {
            if (month != null || fromMonth == null || toMonth == null) {
                throw new DomainProblems.InvalidInput("Give either month, or both from and to (YYYY-MM).");
            }
            from = parseMonth(fromMonth);
            to = parseMonth(toMonth);
            if (to.isBefore(from) || from.plusYears(MAX_PERIOD_YEARS).isBefore(to)) {
                throw new DomainProblems.InvalidInput("to must not be before from, and a period spans at most "
                        + MAX_PERIOD_YEARS + " years.");
            }
        } else if (month == null) {
            from = calendar.firstMonth();
            to = calendar.lastMonth();
        } else {
            from = parseMonth(month);
            to = from;
        }
        if (site != null && !site.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new DomainProblems.InvalidInput("site must be a site code such as STRASBOURG.");
        }
        List<String> sites = site == null ? pilotSites.codes() : List.of(site);
        java.time.LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
        List<KpiSet> figures = sites.stream().map(code -> {
            PilotData.Snapshot snapshot = data.read(code);
            return calculator.compute(code, from, to, snapshot.events(), snapshot.surveys(), today);
        }).toList();
        return new Kpis(month, from, to, figures, KpiDefinitions.ALL);
    }

    public static YearMonth parseMonth(String month) {
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", month, 0);
            }
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new DomainProblems.InvalidInput("month must be written YYYY-MM, such as 2025-10.");
        }
    }
}
