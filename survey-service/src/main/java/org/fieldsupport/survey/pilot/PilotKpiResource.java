package org.fieldsupport.survey.pilot;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

/** The pilot's figures per site, for one month or for the whole pilot (DESIGN §6, §8). */
@Path("/pilot/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class PilotKpiResource {

    @Inject
    PilotCalendar calendar;

    @Inject
    PilotConfiguration.PilotSites pilotSites;

    /** One site's figures over the period. {@code tickets}: tickets opened, by the business time of opening. */
    public record SiteKpis(String site, long tickets) {
    }

    /** The period covered (months inclusive) and each site's figures. */
    public record Kpis(String month, YearMonth fromMonth, YearMonth toMonth, List<SiteKpis> sites,
            Map<String, String> definitions) {
    }

    private static final Map<String, String> DEFINITIONS = Map.of(
            "tickets", "Tickets opened at the site, counted once each, in the month of their opening "
                    + "(business time, Europe/Paris).");

    @GET
    @RolesAllowed(Roles.PILOT_MANAGER)
    @Operation(summary = "Pilot KPIs per site", description = "For one month (YYYY-MM) or, without month, the "
            + "whole pilot period. Without site: every pilot site.")
    public Kpis kpis(@Parameter(description = "Site code; all pilot sites when absent") @QueryParam("site") String site,
            @Parameter(description = "Month as YYYY-MM; the whole pilot when absent") @QueryParam("month") String month) {
        YearMonth from;
        YearMonth to;
        if (month == null) {
            from = calendar.firstMonth();
            to = calendar.lastMonth();
        } else {
            from = parseMonth(month);
            to = from;
        }
        List<String> sites = site == null ? pilotSites.codes() : List.of(site);
        if (site != null && !site.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new DomainProblems.InvalidInput("site must be a site code such as STRASBOURG.");
        }
        Map<String, Long> counts = ticketsPerSite(from, to);
        List<SiteKpis> figures = new ArrayList<>();
        for (String code : sites) {
            figures.add(new SiteKpis(code, counts.getOrDefault(code, 0L)));
        }
        return new Kpis(month, from, to, figures, DEFINITIONS);
    }

    private static Map<String, Long> ticketsPerSite(YearMonth from, YearMonth to) {
        List<Object[]> rows = PilotTicket.getEntityManager().createQuery(
                "select t.site, count(t) from PilotTicket t where t.openedMonth between :from and :to group by t.site",
                Object[].class)
                .setParameter("from", from.toString())
                .setParameter("to", to.toString())
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }

    private static YearMonth parseMonth(String month) {
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
