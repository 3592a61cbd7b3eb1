package org.fieldsupport.logistics.returns;

/**
 * REQUESTED until the assets leave the employee; COLLECTED (technician or locker) until all are RECEIVED. CANCELLED:
 * the ticket was cancelled before anything left the employee.
 */
public enum ReturnStatus {
    REQUESTED, IN_LOCKER, COLLECTED, RECEIVED, CANCELLED
}
