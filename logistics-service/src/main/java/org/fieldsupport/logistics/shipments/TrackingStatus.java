package org.fieldsupport.logistics.shipments;

/** What a carrier reports about a parcel (DESIGN §8). */
public enum TrackingStatus {
    DISPATCHED, IN_TRANSIT, DELIVERED, FAILED
}
