package org.fieldsupport.dispatch.rooms;

import static org.fieldsupport.dispatch.policies.SitePolicy.SITE_CODE;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.security.Roles;
import org.fieldsupport.chassis.time.BusinessTimes;

/** The meeting-room registry of a site and its monthly checks. */
@Path("/sites/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    @Inject
    RoomChecks roomChecks;

    @Inject
    Clock clock;

    public record RoomDefinition(@NotBlank @Size(max = 200) String name, Boolean active) {
    }

    public record RoomView(String site, String roomId, String name, boolean active) {
        static RoomView of(MeetingRoom room) {
            return new RoomView(room.siteCode, room.roomId, room.name, room.active);
        }
    }

    /** {@code asOf}: the business time to plan from (default now), for a dispatcher catching up on a month. */
    public record PlanningRequest(@NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}") String month, Instant asOf) {
    }

    @PUT
    @Path("/rooms/{roomId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISPATCHER, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Register or update a meeting room", description = "An inactive room is no longer checked.")
    public RoomView put(@PathParam("code") @Pattern(regexp = SITE_CODE) String code,
            @PathParam("roomId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String roomId,
            @Valid @NotNull RoomDefinition definition) {
        MeetingRoom room = MeetingRoom.find(code, roomId);
        if (room == null) {
            room = new MeetingRoom();
            room.siteCode = code;
            room.roomId = roomId;
        }
        room.name = definition.name().strip();
        room.active = definition.active() == null || definition.active();
        room.updatedAt = clock.instant();
        room.persist();
        return RoomView.of(room);
    }

    @GET
    @Path("/rooms")
    @RolesAllowed({Roles.DISPATCHER, Roles.ADMIN, Roles.PILOT_MANAGER, Roles.TECHNICIAN})
    @Operation(summary = "The site's meeting rooms")
    public List<RoomView> rooms(@PathParam("code") @Pattern(regexp = SITE_CODE) String code) {
        return MeetingRoom.ofSite(code).stream().map(RoomView::of).toList();
    }

    @GET
    @Path("/room-checks")
    @RolesAllowed({Roles.DISPATCHER, Roles.PILOT_MANAGER})
    @Operation(summary = "Rooms checked and rooms due for a month (YYYY-MM)")
    public RoomChecks.MonthView checks(@PathParam("code") @Pattern(regexp = SITE_CODE) String code,
            @QueryParam("month") String month) {
        return roomChecks.view(code, parseMonth(month));
    }

    @POST
    @Path("/room-checks/planning")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    @Transactional
    @Operation(summary = "Plan the month's checks now", description = "Places each unplanned check on a day a "
            + "technician is at the site anyway; in the month's last business days, on a trip of its own. The "
            + "service also does this by itself every dispatch.room-checks.every.")
    public RoomChecks.MonthView plan(@PathParam("code") @Pattern(regexp = SITE_CODE) String code,
            @Valid @NotNull PlanningRequest request) {
        return roomChecks.plan(code, parseMonth(request.month()),
                BusinessTimes.givenOrNow(request.asOf(), clock, "asOf"));
    }

    private static YearMonth parseMonth(String month) {
        if (month == null) {
            throw new DomainProblems.InvalidInput("month is required, written YYYY-MM.");
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new DomainProblems.InvalidInput("month must be written YYYY-MM.");
        }
    }
}
