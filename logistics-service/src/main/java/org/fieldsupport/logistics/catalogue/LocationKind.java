package org.fieldsupport.logistics.catalogue;

/** Where stock is kept: the central warehouse ships parcels; a site's stock serves hand-overs and lockers. */
public enum LocationKind {
    CENTRAL_WAREHOUSE, SITE_STOCK
}
