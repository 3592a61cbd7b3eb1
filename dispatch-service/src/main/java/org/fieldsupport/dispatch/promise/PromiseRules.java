package org.fieldsupport.dispatch.promise;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.fieldsupport.chassis.time.BusinessCalendar;
import org.fieldsupport.dispatch.interventions.InterventionKind;
import org.fieldsupport.dispatch.policies.HalfDay;
import org.fieldsupport.dispatch.policies.SiteHours;
import org.fieldsupport.dispatch.policies.SupportMode;

/**
 * The site's promise (DESIGN §1, §6), computed from the business time of the escalation:
 * <ul>
 * <li>J+1 — ROVING sites, meeting rooms everywhere, collections: the end of the next business day;</li>
 * <li>the half-day rule — on-site work at a site with an on-site technician: the end of the first half-day in which
 * the technician is present and that still leaves time for the appointment. If the rota and absences leave no such
 * half-day within a month, the J+1 promise applies.</li>
 * </ul>
 */
public final class PromiseRules {

    private static final int SEARCH_DAYS = 31;

    private PromiseRules() {
    }

    public static Instant deadline(SupportMode mode, InterventionKind kind, SiteHours hours, Instant escalatedAt,
            Duration appointment, OssPresence presence) {
        BusinessCalendar calendar = hours.calendar();
        LocalDate day = calendar.dateOf(escalatedAt);
        Instant nextBusinessDayEnd = calendar.endOf(calendar.plusBusinessDays(day, 1));
        if (kind != InterventionKind.ON_SITE || mode == SupportMode.ROVING) {
            return nextBusinessDayEnd;
        }
        for (LocalDate d = day; d.isBefore(day.plusDays(SEARCH_DAYS)); d = d.plusDays(1)) {
            if (!calendar.isBusinessDay(d)) {
                continue;
            }
            for (HalfDay half : HalfDay.values()) {
                Instant end = hours.end(d, half);
                if (!end.isBefore(escalatedAt.plus(appointment)) && presence.present(d, half)) {
                    return end;
                }
            }
        }
        return nextBusinessDayEnd;
    }
}
