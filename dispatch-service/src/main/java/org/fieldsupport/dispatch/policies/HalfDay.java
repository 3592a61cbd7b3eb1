package org.fieldsupport.dispatch.policies;

/** The two service periods of a business day. */
public enum HalfDay {
    MORNING, AFTERNOON
}
