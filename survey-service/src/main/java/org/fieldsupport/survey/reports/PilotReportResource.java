package org.fieldsupport.survey.reports;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.survey.web.Html;

/**
 * The final evaluation and the monthly follow-up, as JSON, CSV or a printable HTML page: {@code ?format=} wins,
 * else the Accept header (text/html, text/csv), else JSON.
 */
@Path("/pilot")
@RolesAllowed(Roles.PILOT_MANAGER)
public class PilotReportResource {

    static final String CSV = "text/csv";

    @Inject
    PilotReports reports;

    @ConfigProperty(name = "pilot.follow-up-site", defaultValue = "STRASBOURG")
    String followUpSite;

    @GET
    @Path("/report")
    @Produces({ MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML })
    @Operation(summary = "Final evaluation: pilot site vs witness vs Dijon vs the 2024 baseline")
    public Response report(@Parameter(description = "json, csv or html") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return render(reports.build(null, true), format, accept, "/pilot/report", "pilot-report");
    }

    @GET
    @Path("/follow-up")
    @Produces({ MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML })
    @Operation(summary = "Monthly follow-up of one site (by default the pilot site, Strasbourg)")
    public Response followUp(@QueryParam("site") String site, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String code = site == null ? followUpSite : site;
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new DomainProblems.InvalidInput("site must be a site code such as STRASBOURG.");
        }
        return render(reports.build(code, false), format, accept, "/pilot/follow-up",
                "follow-up-" + code.toLowerCase(Locale.ROOT));
    }

    private static Response render(PilotReport report, String format, String accept, String path, String file) {
        String chosen = choose(format, accept);
        return switch (chosen) {
            case "csv" -> Response.ok(ReportCsv.of(report)).type(CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            case "html" -> Html.respond(200, ReportHtml.of(report, path));
            default -> Response.ok(report).type(MediaType.APPLICATION_JSON).build();
        };
    }

    static String choose(String format, String accept) {
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!List.of("json", "csv", "html").contains(f)) {
                throw new DomainProblems.InvalidInput("format must be json, csv or html.");
            }
            return f;
        }
        if (accept != null) {
            String a = accept.toLowerCase(Locale.ROOT);
            int json = position(a, "application/json");
            int csv = position(a, CSV);
            int html = position(a, "text/html");
            int first = Math.min(json, Math.min(csv, html));
            if (first != Integer.MAX_VALUE) {
                return first == html ? "html" : first == csv ? "csv" : "json";
            }
        }
        return "json";
    }

    private static int position(String accept, String type) {
        int at = accept.indexOf(type);
        return at < 0 ? Integer.MAX_VALUE : at;
    }
}
