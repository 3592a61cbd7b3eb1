package org.fieldsupport.dispatch.interventions;

/** Where a visit stands. */
public enum InterventionStatus {
    SCHEDULED, STARTED, COMPLETED, CANCELLED
}
