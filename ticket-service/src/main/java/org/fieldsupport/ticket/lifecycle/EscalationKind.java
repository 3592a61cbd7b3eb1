package org.fieldsupport.ticket.lifecycle;

/** How the desk hands a ticket on (DESIGN §8; {@code ALLOCATION} added for the new-hire process). */
public enum EscalationKind {
    ON_SITE, SHIPMENT, RETURN, MEETING_ROOM, ALLOCATION
}
