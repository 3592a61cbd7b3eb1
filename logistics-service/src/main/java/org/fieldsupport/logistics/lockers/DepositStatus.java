package org.fieldsupport.logistics.lockers;

/** A deposit is IN_LOCKER until it is COLLECTED, or EXPIRED (taken back to stock). */
public enum DepositStatus {
    IN_LOCKER, COLLECTED, EXPIRED
}
