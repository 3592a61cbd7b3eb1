package org.fieldsupport.survey.kpis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.fieldsupport.chassis.time.BusinessCalendar;

/**
 * Service hours of one site: its business days (weekends and its region's public holidays off) and, on those days,
 * the opening periods (by default 08:30–12:30 and 13:30–17:30, in the site's time zone). A duration in business hours
 * counts only the time inside those periods: a request made on Friday at 17:00 and served on Monday at 09:00 waited
 * one business hour (17:00–17:30 and 08:30–09:00).
 */
public final class BusinessHours {

    /** One opening period of a business day. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("A period ends after it starts: " + start + "–" + end);
            }
        }
    }

    private final BusinessCalendar calendar;
    private final List<Period> periods;

    public BusinessHours(BusinessCalendar calendar, List<Period> periods) {
        this.calendar = calendar;
        this.periods = List.copyOf(periods);
    }

    public static List<Period> parse(String spec) {
        return java.util.Arrays.stream(spec.split(",")).map(String::strip).map(p -> {
            String[] bounds = p.split("-");
            return new Period(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip()));
        }).toList();
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** Business hours between two instants (zero when {@code to} is not after {@code from}). */
    public double hoursBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Duration total = Duration.ZERO;
        LocalDate last = calendar.dateOf(to);
        for (LocalDate day = calendar.dateOf(from); !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.isBusinessDay(day)) {
                continue;
            }
            for (Period period : periods) {
                Instant open = day.atTime(period.start()).atZone(calendar.zone()).toInstant();
                Instant close = day.atTime(period.end()).atZone(calendar.zone()).toInstant();
                Instant start = open.isAfter(from) ? open : from;
                Instant end = close.isBefore(to) ? close : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total.toSeconds() / 3600.0;
    }

    /** Business days from {@code first} to {@code last}, both included. */
    public long businessDays(LocalDate first, LocalDate last) {
        long days = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (calendar.isBusinessDay(day)) {
                days++;
            }
        }
        return days;
    }
}
