package org.fieldsupport.dispatch.rota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.policies.HalfDay;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.technicians.Presence;

/**
 * Which half-day the on-site technician of a HALF_TIME_OSS site should be there on each weekday, judged on the
 * recent escalations ("the half-time technician's calendar will be adjusted to users' needs"). Every weekly rota of
 * one half-day per weekday is replayed against the escalations:
 * <ul>
 * <li>an escalation is <b>served within the half-day</b> when the technician is there in the first half-day that
 * still leaves time for the visit after it, or in the next one;</li>
 * <li>its <b>waiting</b> is the working time (within the site's half-days) from the escalation to the start of the
 * first half-day the technician is there.</li>
 * </ul>
 * The advice is the rota serving the most escalations within the half-day, then with the least waiting, then
 * closest to the current one. Absences are left out: they are not what a rota can change.
 */
public final class RotaAdvice {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final int SEARCH_DAYS = 31;

    private RotaAdvice() {
    }

    /** How a rota would have done: escalations served within the half-day, and the average working-hours wait. */
    public record Outcome(Map<DayOfWeek, Presence> rota, int servedWithinHalfDay, double averageWaitingHours) {
    }

    /** One weekday: when its escalations came, and the whole rota's result with this day in the morning or not. */
    public record DayFigures(DayOfWeek day, Presence current, Presence proposed, int escalationsInMorning,
            int escalationsInAfternoon, int escalationsOutsideHours, Outcome ifMorning, Outcome ifAfternoon) {
    }

    public record Advice(int escalations, Outcome current, Outcome proposed, List<DayFigures> days) {
    }

    public static Advice advise(List<Instant> escalations, SiteHours hours, Duration visit,
            Map<DayOfWeek, Presence> currentRota) {
        Outcome current = evaluate(escalations, hours, visit, currentRota);
        Outcome best = null;
        for (int combination = 0; combination < 1 << WEEKDAYS.size(); combination++) {
            Map<DayOfWeek, Presence> rota = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < WEEKDAYS.size(); i++) {
                rota.put(WEEKDAYS.get(i), (combination & (1 << i)) == 0 ? Presence.MORNING : Presence.AFTERNOON);
            }
            Outcome outcome = evaluate(escalations, hours, visit, rota);
            if (best == null || better(outcome, best, currentRota)) {
                best = outcome;
            }
        }
        List<DayFigures> days = new ArrayList<>();
        for (DayOfWeek day : WEEKDAYS) {
            int morning = 0;
            int afternoon = 0;
            int outside = 0;
            for (Instant at : escalations) {
                LocalDate date = hours.calendar().dateOf(at);
                if (date.getDayOfWeek() != day) {
                    continue;
                }
                if (!at.isBefore(hours.start(date, HalfDay.MORNING)) && at.isBefore(hours.end(date, HalfDay.MORNING))) {
                    morning++;
                } else if (!at.isBefore(hours.start(date, HalfDay.AFTERNOON))
                        && at.isBefore(hours.end(date, HalfDay.AFTERNOON))) {
                    afternoon++;
                } else {
                    outside++;
                }
            }
            days.add(new DayFigures(day, currentRota.get(day), best.rota().get(day), morning, afternoon, outside,
                    evaluate(escalations, hours, visit, with(best.rota(), day, Presence.MORNING)),
                    evaluate(escalations, hours, visit, with(best.rota(), day, Presence.AFTERNOON))));
        }
        return new Advice(escalations.size(), current, best, days);
    }

    /** How {@code rota} would have served the escalations. */
    public static Outcome evaluate(List<Instant> escalations, SiteHours hours, Duration visit,
            Map<DayOfWeek, Presence> rota) {
        int served = 0;
        double waitingHours = 0;
        for (Instant at : escalations) {
            List<Instant[]> usable = usableHalfDays(at, hours, visit);
            for (int i = 0; i < usable.size(); i++) {
                Instant start = usable.get(i)[0];
                LocalDate date = hours.calendar().dateOf(start);
                HalfDay half = start.equals(hours.start(date, HalfDay.MORNING)) ? HalfDay.MORNING : HalfDay.AFTERNOON;
                Presence presence = rota.get(date.getDayOfWeek());
                if (presence != null && presence.covers(half)) {
                    served += i <= 1 ? 1 : 0;
                    waitingHours += workingHours(at, start.isAfter(at) ? start : at, hours);
                    break;
                }
            }
        }
        double average = escalations.isEmpty() ? 0 : Math.round(waitingHours / escalations.size() * 100) / 100.0;
        return new Outcome(rota, served, average);
    }

    /** The business half-days from the escalation on that still leave time for the visit, as [start, end]. */
    private static List<Instant[]> usableHalfDays(Instant at, SiteHours hours, Duration visit) {
        BusinessCalendar calendar = hours.calendar();
        List<Instant[]> halves = new ArrayList<>();
        LocalDate first = calendar.dateOf(at);
        for (LocalDate d = first; d.isBefore(first.plusDays(SEARCH_DAYS)); d = d.plusDays(1)) {
            if (!calendar.isBusinessDay(d)) {
                continue;
            }
            for (HalfDay half : HalfDay.values()) {
                if (!hours.end(d, half).isBefore(at.plus(visit))) {
                    halves.add(new Instant[] {hours.start(d, half), hours.end(d, half)});
                }
            }
        }
        return halves;
    }

    /** Working time between two instants: the part inside the site's half-days of business days, in hours. */
    static double workingHours(Instant from, Instant to, SiteHours hours) {
        BusinessCalendar calendar = hours.calendar();
        Duration total = Duration.ZERO;
        for (LocalDate d = calendar.dateOf(from); !d.isAfter(calendar.dateOf(to)); d = d.plusDays(1)) {
            if (!calendar.isBusinessDay(d)) {
                continue;
            }
            for (HalfDay half : HalfDay.values()) {
                Instant start = max(from, hours.start(d, half));
                Instant end = min(to, hours.end(d, half));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total.toMinutes() / 60.0;
    }

    private static boolean better(Outcome candidate, Outcome best, Map<DayOfWeek, Presence> current) {
        Comparator<Outcome> order = Comparator.comparingInt(Outcome::servedWithinHalfDay).reversed()
                .thenComparingDouble(Outcome::averageWaitingHours)
                .thenComparingInt(o -> changes(o.rota(), current));
        return order.compare(candidate, best) < 0;
    }

    private static int changes(Map<DayOfWeek, Presence> rota, Map<DayOfWeek, Presence> current) {
        return (int) WEEKDAYS.stream().filter(d -> rota.get(d) != current.get(d)).count();
    }

    private static Map<DayOfWeek, Presence> with(Map<DayOfWeek, Presence> rota, DayOfWeek day, Presence presence) {
        Map<DayOfWeek, Presence> changed = new EnumMap<>(rota);
        changed.put(day, presence);
        return changed;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
