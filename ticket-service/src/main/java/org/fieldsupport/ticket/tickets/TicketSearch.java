package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.ticket.lifecycle.TicketStatus;

/** The desk's search filters, read from query parameters: a bad value is a 400 naming the parameter. */
final class TicketSearch {

    private final ZoneId zone;
    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    TicketSearch(ZoneId zone) {
        this.zone = zone;
    }

    TicketSearch site(String site) {
        return filter("siteCode = :site", "site", site);
    }

    TicketSearch status(String status) {
        return filter("status = :status", "status", status == null ? null : parseEnum(TicketStatus.class, "status",
                status));
    }

    TicketSearch category(String category) {
        return filter("category = :category", "category", category == null ? null
                : parseEnum(Category.class, "category", category));
    }

    TicketSearch employee(String employeeId) {
        return filter("employeeId = :employee", "employee", employeeId);
    }

    TicketSearch openedFrom(String from) {
        return filter("openedAt >= :from", "from", from == null ? null : instant("openedFrom", from, false));
    }

    TicketSearch openedTo(String to) {
        return filter("openedAt < :to", "to", to == null ? null : instant("openedTo", to, true));
    }

    TicketSearch atRisk(String atRisk) {
        if (atRisk == null || atRisk.equals("false")) {
            return this;
        }
        if (!atRisk.equals("true")) {
            throw new DomainProblems.InvalidInput("atRisk must be true or false.");
        }
        return filter("status = :atRisk", "atRisk", TicketStatus.AT_RISK);
    }

    String query() {
        return query.toString();
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    private TicketSearch filter(String condition, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** A date means the whole day in the desk's zone: from its start, or to the start of the next day. */
    private Instant instant(String parameter, String value, boolean endOfPeriod) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfPeriod ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant instant = Instant.parse(value);
            return endOfPeriod ? instant.plusNanos(1) : instant;
        } catch (DateTimeParseException e) {
            throw new DomainProblems.InvalidInput(parameter + " must be a date (YYYY-MM-DD) or an ISO-8601 instant.");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DomainProblems.InvalidInput(parameter + " must be one of " + Arrays.stream(
                    type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}
