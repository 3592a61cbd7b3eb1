package org.fieldsupport.dispatch.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.fieldsupport.chassis.time.BusinessCalendar;

/** A site's business days and the hours of its two half-days, as instants. */
public record SiteHours(BusinessCalendar calendar, LocalTime morningStart, LocalTime morningEnd,
        LocalTime afternoonStart, LocalTime afternoonEnd) {

    public Instant start(LocalDate day, HalfDay half) {
        return day.atTime(half == HalfDay.MORNING ? morningStart : afternoonStart).atZone(calendar.zone())
                .toInstant();
    }

    public Instant end(LocalDate day, HalfDay half) {
        return day.atTime(half == HalfDay.MORNING ? morningEnd : afternoonEnd).atZone(calendar.zone()).toInstant();
    }
}
