package org.fieldsupport.logistics.lockers;

/** PICKUP: an accessory waits for the employee. RETURN: the employee's returned equipment waits for logistics. */
public enum Purpose {
    PICKUP, RETURN
}
