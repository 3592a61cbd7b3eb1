package org.fieldsupport.replay;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A technician off sick for a day, declared to dispatch that morning at {@code declaredAt}: the visits booked on
 * that day move to a colleague or a later slot, or are flagged at risk.
 */
public record GeneratedAbsence(String technicianId, LocalDate day, Instant declaredAt) {
}
