package org.fieldsupport.dispatch.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.policies.HalfDay;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.promise.OssPresence;
import org.fieldsupport.dispatch.travel.Trips;

/**
 * Finds the appointment for one visit: the earliest slot a suitable technician can reach, without overlapping
 * anything they already have, preferring — among the slots that keep the promise — one on a day the technician
 * already visits that site (one trip for several visits). When no slot keeps the promise, the earliest slot anyway
 * (the caller reports the risk). Slots start on a quarter hour. A roving technician leaves base at the start of the
 * working day; the trip is estimated by {@link Trips} at an average speed.
 */
public final class Planner {

    static final Duration GRID = Duration.ofMinutes(15);
    /** Time to move between two visits at different sites within a half-day (beyond the trip from base). */
    static final Duration BETWEEN_SITES = Duration.ofMinutes(30);
    static final int HORIZON_BUSINESS_DAYS = 15;
    static final double AVERAGE_KMH = 50;

    private Planner() {
    }

    /** Something a technician already has in their agenda (a visit, at a site, or an absence: site null). */
    public record Busy(Instant start, Instant end, String site) {
        boolean overlaps(Instant from, Instant to, String atSite) {
            Duration margin = site == null || site.equals(atSite) ? Duration.ZERO : BETWEEN_SITES;
            return from.isBefore(end.plus(margin)) && to.plus(margin).isAfter(start);
        }
    }

    /** A technician who may do the visit: an on-site technician of the site (present per {@code presence}) or a
     * roving one coming from base. */
    public record Candidate(String technicianId, double baseLatitude, double baseLongitude, boolean onSiteHere,
            OssPresence presence, List<Busy> agenda) {
    }

    /**
     * A visit to place. {@code alreadyOnSiteOnly}: only on a day a technician is there anyway (the on-site
     * technician's half-days, or a day with another visit to the site), as for the monthly room checks.
     */
    public record Request(String site, double siteLatitude, double siteLongitude, SiteHours hours, Instant earliest,
            Duration duration, Instant deadline, boolean alreadyOnSiteOnly) {

        public Request(String site, double siteLatitude, double siteLongitude, SiteHours hours, Instant earliest,
                Duration duration, Instant deadline) {
            this(site, siteLatitude, siteLongitude, hours, earliest, duration, deadline, false);
        }
    }

    public record Slot(String technicianId, Instant start, Instant end, boolean grouped, double travelKm) {
        public boolean keeps(Instant deadline) {
            return !end.isAfter(deadline);
        }
    }

    public static Optional<Slot> plan(Request request, List<Candidate> candidates) {
        SiteHours hours = request.hours();
        BusinessCalendar calendar = hours.calendar();
        List<Agenda> agendas = candidates.stream().map(c -> new Agenda(c, request)).toList();
        List<Slot> found = new ArrayList<>();
        LocalDate day = calendar.dateOf(request.earliest());
        LocalDate lastDay = calendar.plusBusinessDays(day, HORIZON_BUSINESS_DAYS);
        LocalDate deadlineDay = calendar.dateOf(request.deadline());
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!calendar.isBusinessDay(day)) {
                continue;
            }
            Instant dayStart = hours.start(day, HalfDay.MORNING);
            for (HalfDay half : HalfDay.values()) {
                Instant halfStart = hours.start(day, half);
                Instant halfEnd = hours.end(day, half);
                for (Agenda agenda : agendas) {
                    firstSlot(request, agenda, day, half, dayStart, halfStart, halfEnd).ifPresent(found::add);
                }
            }
            if (!found.isEmpty() && !day.isBefore(deadlineDay)) {
                break;
            }
        }
        Comparator<Slot> earliest = Comparator.comparing(Slot::end).thenComparing(Slot::technicianId);
        List<Slot> keeping = found.stream().filter(s -> s.keeps(request.deadline())).toList();
        Optional<Slot> grouped = keeping.stream().filter(Slot::grouped).min(earliest);
        if (grouped.isPresent()) {
            return grouped;
        }
        return keeping.isEmpty() ? found.stream().min(earliest) : keeping.stream().min(earliest);
    }

    private static Optional<Slot> firstSlot(Request request, Agenda agenda, LocalDate day, HalfDay half,
            Instant dayStart, Instant halfStart, Instant halfEnd) {
        Candidate candidate = agenda.candidate;
        if (candidate.onSiteHere() && !candidate.presence().present(day, half)) {
            return Optional.empty();
        }
        boolean grouped = agenda.daysAtSite.contains(day);
        if (request.alreadyOnSiteOnly() && !grouped && !candidate.onSiteHere()) {
            return Optional.empty();
        }
        // A roving technician leaves base when the working day starts: far sites are reached in the afternoon.
        Instant reachable = dayStart.plus(agenda.travel);
        Instant start = onGrid(max(max(halfStart, reachable), request.earliest()), halfStart);
        List<Busy> near = agenda.near(halfStart, halfEnd);
        while (!start.plus(request.duration()).isAfter(halfEnd)) {
            Instant from = start;
            Instant end = from.plus(request.duration());
            Optional<Busy> clash = near.stream()
                    .filter(b -> b.overlaps(from, end, request.site()))
                    .max(Comparator.comparing(Busy::end));
            if (clash.isEmpty()) {
                return Optional.of(new Slot(candidate.technicianId(), from, end, grouped, agenda.km));
            }
            Busy busy = clash.get();
            Duration margin = busy.site() == null || busy.site().equals(request.site()) ? Duration.ZERO
                    : BETWEEN_SITES;
            start = onGrid(busy.end().plus(margin), halfStart);
        }
        return Optional.empty();
    }

    /**
     * A candidate's agenda read once per visit to place, instead of once per half-day searched: the days they are
     * already at the site, and their visits in start order, so that a half-day looks only at what lies near it.
     */
    private static final class Agenda {

        final Candidate candidate;
        final double km;
        final Duration travel;
        final Set<LocalDate> daysAtSite = new HashSet<>();
        /** Visits, by start; with their place in the candidate's agenda, which decides between equal clashes. */
        final List<Indexed> visits = new ArrayList<>();
        /** Absences, few and possibly long: always looked at. */
        final List<Indexed> absences = new ArrayList<>();
        Duration longestVisit = Duration.ZERO;

        private record Indexed(int index, Busy busy) {
        }

        Agenda(Candidate candidate, Request request) {
            this.candidate = candidate;
            km = candidate.onSiteHere() ? 0 : Trips.roadKm(candidate.baseLatitude(), candidate.baseLongitude(),
                    request.siteLatitude(), request.siteLongitude());
            travel = Duration.ofMinutes(Math.round(km / AVERAGE_KMH * 60));
            BusinessCalendar calendar = request.hours().calendar();
            List<Busy> all = candidate.agenda();
            for (int i = 0; i < all.size(); i++) {
                Busy busy = all.get(i);
                if (request.site().equals(busy.site())) {
                    daysAtSite.add(calendar.dateOf(busy.start()));
                }
                if (busy.site() == null) {
                    absences.add(new Indexed(i, busy));
                } else {
                    visits.add(new Indexed(i, busy));
                    Duration length = Duration.between(busy.start(), busy.end());
                    if (length.compareTo(longestVisit) > 0) {
                        longestVisit = length;
                    }
                }
            }
            visits.sort(Comparator.comparing((Indexed v) -> v.busy().start()));
        }

        /**
         * Everything that may clash with a slot inside the half-day: a slot lies within it, and nothing clashes
         * further away than the move between sites. In agenda order, as the full agenda would be searched.
         */
        List<Busy> near(Instant halfStart, Instant halfEnd) {
            Instant after = halfStart.minus(BETWEEN_SITES);
            Instant before = halfEnd.plus(BETWEEN_SITES);
            List<Indexed> near = new ArrayList<>();
            for (Indexed absence : absences) {
                if (absence.busy().start().isBefore(before) && absence.busy().end().isAfter(after)) {
                    near.add(absence);
                }
            }
            Instant earliestStart = after.minus(longestVisit);
            for (int i = firstStartingAfter(earliestStart); i < visits.size(); i++) {
                Busy visit = visits.get(i).busy();
                if (!visit.start().isBefore(before)) {
                    break;
                }
                if (visit.end().isAfter(after)) {
                    near.add(visits.get(i));
                }
            }
            near.sort(Comparator.comparingInt(Indexed::index));
            return near.stream().map(Indexed::busy).toList();
        }

        /** The index of the first visit starting at or after {@code t}. */
        private int firstStartingAfter(Instant t) {
            int low = 0;
            int high = visits.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (visits.get(middle).busy().start().isBefore(t)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /**
     * The first quarter-hour of the half-day's grid at or after {@code t}. In seconds: {@code Duration.multipliedBy}
     * computes with BigDecimal, and this runs for every slot tried: it was a third of the planner's time in a burst.
     */
    private static Instant onGrid(Instant t, Instant gridOrigin) {
        if (!t.isAfter(gridOrigin)) {
            return gridOrigin;
        }
        long grid = GRID.toSeconds();
        long steps = (Duration.between(gridOrigin, t).toSeconds() + grid - 1) / grid;
        return gridOrigin.plusSeconds(steps * grid);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
