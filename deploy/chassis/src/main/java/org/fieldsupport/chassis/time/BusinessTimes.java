package org.fieldsupport.chassis.time;

import java.time.Clock;
import java.time.Instant;

import org.fieldsupport.chassis.problem.DomainProblems;

/** Business times that callers may give (when something was done, declared or is planned from). */
public final class BusinessTimes {

    private BusinessTimes() {
    }

    /** The time the caller gave, which cannot be in the future; now when none was given. */
    public static Instant givenOrNow(Instant given, Clock clock, String field) {
        Instant now = clock.instant();
        if (given == null) {
            return now;
        }
        if (given.isAfter(now)) {
            throw new DomainProblems.InvalidInput(field + " cannot be in the future.");
        }
        return given;
    }
}
