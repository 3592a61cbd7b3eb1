package org.fieldsupport.logistics.returns;

/** How returned equipment comes back: a technician collects it, or the employee deposits it in a locker. */
public enum Collection {
    TECHNICIAN, LOCKER
}
