package org.fieldsupport.dispatch.technicians;

import org.fieldsupport.dispatch.policies.HalfDay;

/** When an on-site technician is present on a weekday, per the rota. */
public enum Presence {
    MORNING, AFTERNOON, FULL_DAY;

    public boolean covers(HalfDay half) {
        return this == FULL_DAY || name().equals(half.name());
    }
}
