package org.fieldsupport.logistics.returns;

/** The state a returned asset is received in. */
public enum Condition {
    GOOD, DAMAGED, UNUSABLE
}
