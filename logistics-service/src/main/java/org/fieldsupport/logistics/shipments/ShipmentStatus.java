package org.fieldsupport.logistics.shipments;

/** Where a shipment stands. DELIVERED, FAILED and RETURNED_TO_STOCK are final. */
public enum ShipmentStatus {
    AWAITING_ADDRESS, DISPATCHED, IN_TRANSIT, IN_LOCKER, DELIVERED, FAILED, RETURNED_TO_STOCK;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == RETURNED_TO_STOCK;
    }
}
