package org.fieldsupport.dispatch.interventions;

/** How a visit ended. */
public enum Outcome {
    FIXED, REPLACED, NEEDS_FOLLOW_UP, NO_SHOW
}
