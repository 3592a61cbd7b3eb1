package org.fieldsupport.logistics.shipments;

/** How an accessory reaches the employee. The first two need a home address; the last two use the site's stock. */
public enum ShipmentMethod {
    STANDARD_PARCEL, EXPRESS_PARCEL, OSS_HANDOVER, LOCKER;

    public boolean needsAddress() {
        return this == STANDARD_PARCEL || this == EXPRESS_PARCEL;
    }

    public boolean fromSiteStock() {
        return this == OSS_HANDOVER || this == LOCKER;
    }
}
