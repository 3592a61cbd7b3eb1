package org.fieldsupport.logistics.allocations;

/** REQUESTED by the desk's escalation, PREPARED when the kit is ready at the site, or CANCELLED with its ticket. */
public enum AllocationStatus {
    REQUESTED, PREPARED, CANCELLED
}
