package org.fieldsupport.logistics.returns;

/** REQUESTED until the assets leave the employee; COLLECTED (technician or locker) until all are RECEIVED. */
public enum ReturnStatus {
    REQUESTED, IN_LOCKER, COLLECTED, RECEIVED
}
