package org.fieldsupport.dispatch.policies;

import static org.fieldsupport.dispatch.policies.SitePolicy.SITE_CODE;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.chassis.time.BusinessCalendar;

/** Site support policies: changing a site's mode is a dispatcher's call, effective from a date. */
@Path("/sites/{code}/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    Clock clock;

    /** A site's policy from a date on. Half-day hours default to 08:30–12:30 and 13:30–17:30. */
    public record PolicyDefinition(@NotNull SupportMode mode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}(-[0-9A-Z]{1,3})?", message = "must look like FR or FR-67")
            String holidayRegion,
            @NotBlank String timeZone,
            LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd,
            @NotNull @Min(15) @Max(480) Integer onSiteMinutes,
            @NotNull @Min(15) @Max(480) Integer meetingRoomMinutes,
            @NotNull @Min(15) @Max(480) Integer collectionMinutes,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    public record PolicyView(String site, LocalDate effectiveFrom, SupportMode mode, String holidayRegion,
            String timeZone, LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
            LocalTime afternoonEnd, int onSiteMinutes, int meetingRoomMinutes, int collectionMinutes,
            double latitude, double longitude) {
        static PolicyView of(SitePolicy p) {
            return new PolicyView(p.siteCode, p.effectiveFrom, p.mode, p.holidayRegion, p.timeZone, p.morningStart,
                    p.morningEnd, p.afternoonStart, p.afternoonEnd, p.onSiteMinutes, p.meetingRoomMinutes,
                    p.collectionMinutes, p.latitude, p.longitude);
        }
    }

    @PUT
    @Path("/{effectiveFrom}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISPATCHER, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Set a site's policy from a date", description = "The same call again replaces that "
            + "version; earlier versions keep governing their own period.")
    public PolicyView put(@PathParam("code") @Pattern(regexp = SITE_CODE) String code,
            @PathParam("effectiveFrom") LocalDate effectiveFrom, @Valid @NotNull PolicyDefinition definition) {
        try {
            BusinessCalendar.of(definition.holidayRegion(), ZoneId.of(definition.timeZone()))
                    .isBusinessDay(effectiveFrom);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new DomainProblems.InvalidInput("timeZone or holidayRegion is not known.");
        } catch (RuntimeException e) {
            throw new DomainProblems.InvalidInput("holidayRegion has no holiday calendar.");
        }
        SitePolicy policy = SitePolicy.findById(key(code, effectiveFrom));
        if (policy == null) {
            policy = new SitePolicy();
            policy.siteCode = code;
            policy.effectiveFrom = effectiveFrom;
        }
        policy.mode = definition.mode();
        policy.holidayRegion = definition.holidayRegion();
        policy.timeZone = definition.timeZone();
        policy.morningStart = orDefault(definition.morningStart(), LocalTime.of(8, 30));
        policy.morningEnd = orDefault(definition.morningEnd(), LocalTime.of(12, 30));
        policy.afternoonStart = orDefault(definition.afternoonStart(), LocalTime.of(13, 30));
        policy.afternoonEnd = orDefault(definition.afternoonEnd(), LocalTime.of(17, 30));
        if (!policy.morningStart.isBefore(policy.morningEnd) || policy.morningEnd.isAfter(policy.afternoonStart)
                || !policy.afternoonStart.isBefore(policy.afternoonEnd)) {
            throw new DomainProblems.InvalidInput("The half-days must be in order: morning, then afternoon.");
        }
        policy.onSiteMinutes = definition.onSiteMinutes();
        policy.meetingRoomMinutes = definition.meetingRoomMinutes();
        policy.collectionMinutes = definition.collectionMinutes();
        policy.latitude = definition.latitude();
        policy.longitude = definition.longitude();
        policy.updatedAt = clock.instant();
        policy.persist();
        return PolicyView.of(policy);
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.ADMIN, Roles.PILOT_MANAGER})
    @Operation(summary = "Every version of a site's policy, latest first")
    public List<PolicyView> history(@PathParam("code") @Pattern(regexp = SITE_CODE) String code) {
        return SitePolicy.<SitePolicy> list("siteCode = ?1 order by effectiveFrom desc", code).stream()
                .map(PolicyView::of).toList();
    }

    private static SitePolicy.Key key(String code, LocalDate effectiveFrom) {
        SitePolicy.Key key = new SitePolicy.Key();
        key.siteCode = code;
        key.effectiveFrom = effectiveFrom;
        return key;
    }

    private static LocalTime orDefault(LocalTime value, LocalTime fallback) {
        return value != null ? value : fallback;
    }
}
