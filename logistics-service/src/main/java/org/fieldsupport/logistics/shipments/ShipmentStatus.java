package org.fieldsupport.logistics.shipments;

/**
 * Where a shipment stands. DELIVERED, FAILED, RETURNED_TO_STOCK and CANCELLED (the ticket was cancelled or resolved
 * remotely before the shipment left) are final.
 */
public enum ShipmentStatus {
    AWAITING_ADDRESS, DISPATCHED, IN_TRANSIT, IN_LOCKER, DELIVERED, FAILED, RETURNED_TO_STOCK, CANCELLED
}
