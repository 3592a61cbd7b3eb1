package org.fieldsupport.logistics.custody;

/** What happened to an asset, from the return's request (or the shipment's deposit) to stock. */
public enum CustodyAction {
    RETURN_REQUESTED,
    RETURN_CANCELLED,
    COLLECTED_BY_TECHNICIAN,
    DEPOSITED_IN_LOCKER,
    COLLECTED_FROM_LOCKER,
    RECEIVED_IN_STOCK,
    EXPIRED_BACK_TO_STOCK
}
