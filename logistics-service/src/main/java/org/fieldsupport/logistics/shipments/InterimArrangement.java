package org.fieldsupport.logistics.shipments;

/** What the employee does until the accessory arrives: nothing special, or work in the quiet "bubble" room. */
public enum InterimArrangement {
    NONE, BUBBLE_ROOM
}
