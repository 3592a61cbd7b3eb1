package org.fieldsupport.survey.answers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.survey.pilot.PilotKpiResource;

/**
 * The answers' comments for pilot managers, without who wrote them: no employee, ticket or invitation id, and the
 * day of the answer only. Technicians and every other role are refused.
 */
@Path("/pilot/comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentsResource {

    /** One comment and the ratings given with it. */
    public record Comment(String site, String month, String kind, UUID campaignId, int rating, List<Integer> ratings,
            String comment, LocalDate answeredOn) {
    }

    @GET
    @RolesAllowed(Roles.PILOT_MANAGER)
    @Transactional
    @Operation(summary = "Survey comments, anonymous", description = "Filtered by site, month (YYYY-MM, the month of "
            + "the intervention) and campaign; per-intervention surveys only unless a campaign is given.")
    public List<Comment> comments(@QueryParam("site") String site, @QueryParam("month") String month,
            @QueryParam("campaign") UUID campaign) {
        StringBuilder query = new StringBuilder("comment is not null");
        List<Object> params = new ArrayList<>();
        if (campaign == null) {
            query.append(" and campaignId is null");
        } else {
            params.add(campaign);
            query.append(" and campaignId = ?").append(params.size());
        }
        if (site != null) {
            if (!site.matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw new DomainProblems.InvalidInput("site must be a site code such as STRASBOURG.");
            }
            params.add(site);
            query.append(" and site = ?").append(params.size());
        }
        if (month != null) {
            params.add(PilotKpiResource.parseMonth(month).toString());
            query.append(" and referenceMonth = ?").append(params.size());
        }
        query.append(" order by answeredAt");
        return SurveyAnswer.<SurveyAnswer> find(query.toString(), params.toArray()).list().stream()
                .map(a -> new Comment(a.site, a.referenceMonth, a.kind, a.campaignId, a.rating, a.ratingList(),
                        a.comment, a.answeredAt.atZone(ZoneId.of("Europe/Paris")).toLocalDate()))
                .toList();
    }
}
