package org.fieldsupport.survey.campaigns;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.security.Roles;

/** Complementary survey campaigns (Nancy and Strasbourg), run by pilot managers. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PILOT_MANAGER)
public class CampaignResource {

    @Inject
    Campaigns campaigns;

    @Inject
    Clock clock;

    @ConfigProperty(name = "pilot.minimum-n")
    long minimumN;

    public record NewCampaign(String name, List<String> questions, Instant opensAt, Instant closesAt) {
    }

    public record CampaignView(UUID id, String name, List<String> questions, Instant opensAt, Instant closesAt) {
        static CampaignView of(SurveyCampaign c) {
            return new CampaignView(c.id, c.name, c.questionList(), c.opensAt, c.closesAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a campaign: its questions (each rated 1 to 5) and its window")
    public Response create(NewCampaign request) {
        if (request == null) {
            throw new org.fieldsupport.chassis.problem.DomainProblems.InvalidInput(
                    "A JSON body {name, questions, opensAt, closesAt} is required.");
        }
        SurveyCampaign campaign = campaigns.create(request.name(), request.questions(), request.opensAt(),
                request.closesAt(), clock.instant());
        return Response.created(URI.create("/campaigns/" + campaign.id)).entity(CampaignView.of(campaign)).build();
    }

    @GET
    @Operation(summary = "Every campaign")
    public List<CampaignView> all() {
        return campaigns.all().stream().map(CampaignView::of).toList();
    }

    @POST
    @Path("/{id}/employees")
    @Consumes("text/csv")
    @Operation(summary = "Invite a list of employees (CSV: employeeId,site per line)", description = "All or "
            + "nothing: a list with an error imports no one. An employee already invited is not invited again.")
    public Campaigns.Upload upload(@PathParam("id") UUID id, String csv) {
        return campaigns.invite(id, campaigns.parse(csv), clock.instant());
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "The campaign's results per site, apart from the per-intervention surveys")
    public CampaignResults results(@PathParam("id") UUID id) {
        return campaigns.results(id, minimumN);
    }
}
