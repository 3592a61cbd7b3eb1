package org.fieldsupport.dispatch.rooms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.chassis.outbox.Outbox;
import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.policies.SitePolicy;
import org.fieldsupport.dispatch.scheduling.Booking;

/**
 * Every active meeting room is checked once a month. A check is placed on a day a technician is at the site anyway
 * (the on-site technician's half-days, or a day with another visit there); only in the month's last business days,
 * if no such day came, does it get a trip of its own.
 */
@ApplicationScoped
public class RoomChecks {

    /** How a room stands for a month. */
    public enum Standing {
        CHECKED, PLANNED, DUE
    }

    public record RoomStanding(String roomId, String name, Standing standing, UUID interventionId,
            String technicianId, Instant windowStart, RoomCheck.Result result, String fault, Instant checkedAt) {
    }

    public record MonthView(String site, String month, int roomsDue, int roomsChecked, int roomsPlanned,
            int roomsWithFault, List<RoomStanding> rooms) {
    }

    @Inject
    Booking booking;

    @Inject
    Outbox outbox;

    /** In the month's last N business days, a check still unplanned gets a trip of its own. */
    @ConfigProperty(name = "dispatch.room-checks.dedicated-trip-business-days")
    int dedicatedTripDays;

    /** Plans the month's checks of the site's active rooms not planned yet, as of {@code asOf} (business time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public MonthView plan(String site, YearMonth month, Instant asOf) {
        SitePolicy policy = SitePolicy.inForce(site, asOf);
        if (policy == null) {
            throw new DomainProblems.NotFound("No support policy for site " + site + ".");
        }
        BusinessCalendar calendar = policy.hours().calendar();
        LocalDate lastBusinessDay = calendar.minusBusinessDays(month.atEndOfMonth().plusDays(1), 1);
        Instant deadline = calendar.endOf(lastBusinessDay);
        Instant monthStart = calendar.startOf(month.atDay(1));
        Instant from = asOf.isAfter(monthStart) ? asOf : monthStart;
        if (!from.isBefore(deadline)) {
            return view(site, month);
        }
        LocalDate today = calendar.dateOf(from);
        int businessDaysLeft = 0;
        for (LocalDate d = today; !d.isAfter(lastBusinessDay); d = d.plusDays(1)) {
            businessDaysLeft += calendar.isBusinessDay(d) ? 1 : 0;
        }
        boolean dedicatedTrip = businessDaysLeft <= dedicatedTripDays;
        Map<String, RoomCheck> planned = checksByRoom(site, month);
        for (MeetingRoom room : MeetingRoom.ofSite(site)) {
            if (!room.active || planned.containsKey(room.roomId)) {
                continue;
            }
            Optional<Intervention> visit = booking.bookRoomCheck(site, room.roomId, from, deadline, dedicatedTrip);
            visit.ifPresent(v -> {
                RoomCheck check = new RoomCheck();
                check.id = UUID.randomUUID();
                check.siteCode = site;
                check.roomId = room.roomId;
                check.month = month.toString();
                check.interventionId = v.id;
                check.persist();
            });
        }
        return view(site, month);
    }

    /** The technician's report of a room check: closes the visit and publishes RoomCheckCompleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoomCheck complete(Intervention visit, RoomCheck.Result result, String fault, Instant at) {
        if (result == RoomCheck.Result.FAULT && (fault == null || fault.isBlank())) {
            throw new DomainProblems.InvalidInput("Describe the fault found.");
        }
        RoomCheck check = RoomCheck.forIntervention(visit.id);
        if (check == null) {
            throw new DomainProblems.Conflict("not-a-room-check", "Appointment " + visit.id
                    + " is not a room check.");
        }
        visit.finishRoomCheck(at);
        check.result = result;
        check.fault = result == RoomCheck.Result.FAULT ? fault.strip() : null;
        check.checkedAt = at;
        outbox.append(new RoomCheckEvents.RoomCheckCompleted(1, visit.id, check.siteCode, check.roomId, check.month,
                visit.technicianId, result, check.fault, at));
        return check;
    }

    /** Rooms checked and due for the site and month. */
    public MonthView view(String site, YearMonth month) {
        Map<String, RoomCheck> checks = checksByRoom(site, month);
        List<RoomStanding> rooms = new ArrayList<>();
        for (MeetingRoom room : MeetingRoom.ofSite(site)) {
            RoomCheck check = checks.get(room.roomId);
            if (!room.active && (check == null || check.result == null)) {
                continue;
            }
            if (check == null) {
                rooms.add(new RoomStanding(room.roomId, room.name, Standing.DUE, null, null, null, null, null, null));
                continue;
            }
            Intervention visit = Intervention.findById(check.interventionId);
            rooms.add(new RoomStanding(room.roomId, room.name, check.result != null ? Standing.CHECKED
                    : Standing.PLANNED, visit.id, visit.technicianId, visit.windowStart, check.result, check.fault,
                    check.checkedAt));
        }
        int checked = (int) rooms.stream().filter(r -> r.standing() == Standing.CHECKED).count();
        int plannedCount = (int) rooms.stream().filter(r -> r.standing() == Standing.PLANNED).count();
        int faults = (int) rooms.stream().filter(r -> r.result() == RoomCheck.Result.FAULT).count();
        return new MonthView(site, month.toString(), rooms.size(), checked, plannedCount, faults, rooms);
    }

    private static Map<String, RoomCheck> checksByRoom(String site, YearMonth month) {
        return RoomCheck.ofSiteMonth(site, month).stream()
                .collect(Collectors.toMap(c -> c.roomId, Function.identity()));
    }
}
