package org.fieldsupport.logistics.catalogue;

/** The carrier's parcel size class; the parcel's CO2e factor is configured per size. */
public enum ParcelSize {
    SMALL, MEDIUM, LARGE
}
