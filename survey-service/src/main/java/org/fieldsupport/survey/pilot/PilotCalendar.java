package org.fieldsupport.survey.pilot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The pilot's period and time zone: which month a business time falls in, and what "the whole pilot" spans. */
public record PilotCalendar(ZoneId zone, LocalDate start, LocalDate end) {

    public PilotCalendar {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The pilot ends before it starts");
        }
    }

    public YearMonth monthOf(Instant businessTime) {
        return YearMonth.from(businessTime.atZone(zone));
    }

    public YearMonth firstMonth() {
        return YearMonth.from(start);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(end);
    }
}
