package org.fieldsupport.chassis.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Business days of one site: Monday to Friday, less the public holidays of its region, from the jollyday holiday
 * library. A region is written {@code FR} (national calendar) or {@code FR-67} (a subdivision: the Bas-Rhin, where
 * Alsace-Moselle adds Good Friday and 26 December).
 */
public final class BusinessCalendar {

    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();

    private final ZoneId zone;
    private final String region;
    private final HolidayManager holidays;
    private final String[] subdivisions;

    private BusinessCalendar(ZoneId zone, String region, HolidayManager holidays, String[] subdivisions) {
        this.zone = zone;
        this.region = region;
        this.holidays = holidays;
        this.subdivisions = subdivisions;
    }

    /** The calendar of a region such as {@code FR} or {@code FR-67}, in the given time zone. */
    public static BusinessCalendar of(String region, ZoneId zone) {
        String[] parts = region.split("-");
        String country = parts[0].toLowerCase(Locale.ROOT);
        if (!country.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("Not a holiday region: " + region);
        }
        HolidayManager manager = MANAGERS.computeIfAbsent(country,
                id -> HolidayManager.getInstance(ManagerParameters.create(id)));
        return new BusinessCalendar(zone, region, manager, Arrays.copyOfRange(parts, 1, parts.length));
    }

    public ZoneId zone() {
        return zone;
    }

    public String region() {
        return region;
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.isHoliday(day, subdivisions);
    }

    /** The {@code n}-th business day after {@code day} (n ≥ 1), {@code day} itself not counted. */
    public LocalDate plusBusinessDays(LocalDate day, int n) {
        LocalDate current = day;
        for (int counted = 0; counted < n;) {
            current = current.plusDays(1);
            if (isBusinessDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The {@code n}-th business day before {@code day} (n ≥ 1), {@code day} itself not counted. */
    public LocalDate minusBusinessDays(LocalDate day, int n) {
        LocalDate current = day;
        for (int counted = 0; counted < n;) {
            current = current.minusDays(1);
            if (isBusinessDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The local date of an instant at the site. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first instant of a day at the site (midnight, or the first valid time on a DST change). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The last instant of a day at the site: the end of that day's service. */
    public Instant endOf(LocalDate day) {
        ZonedDateTime nextMidnight = day.plusDays(1).atStartOfDay(zone);
        return nextMidnight.toInstant().minusNanos(1);
    }
}
