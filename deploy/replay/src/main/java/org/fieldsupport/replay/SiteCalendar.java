package org.fieldsupport.replay;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * A site's business days, Monday to Friday less its region's public holidays, from the same holiday library and
 * region codes as the services ({@code FR-67} for Strasbourg in Alsace-Moselle, {@code FR-54}, {@code FR-21}), so
 * that the generated per-business-day rates are the ones the platform's calendars give back.
 */
public final class SiteCalendar {

    private final HolidayManager holidays;
    private final String[] subdivisions;

    public SiteCalendar(String region) {
        String[] parts = region.split("-");
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(parts[0].toLowerCase(Locale.ROOT)));
        this.subdivisions = Arrays.copyOfRange(parts, 1, parts.length);
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.isHoliday(day, subdivisions);
    }

    /** The business days from {@code first} to {@code last}, both included. */
    public List<LocalDate> businessDays(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** The first business day after {@code day}. */
    public LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
