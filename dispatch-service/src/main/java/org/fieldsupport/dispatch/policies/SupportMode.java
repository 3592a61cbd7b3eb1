package org.fieldsupport.dispatch.policies;

/** How a site is supported (DESIGN §1). */
public enum SupportMode {
    /** No permanent technician: a roving field technician comes by appointment; promise J+1. */
    ROVING,
    /** An on-site technician one half-day per business day, per the rota; promise: the next half-day present. */
    HALF_TIME_OSS,
    /** An on-site technician every business half-day. */
    FULL_TIME_OSS
}
