package org.fieldsupport.ticket.tickets;

/** What the employee's problem is about; it decides how the ticket may be escalated. */
public enum Category {
    HARDWARE, ACCESSORY, MEETING_ROOM, EQUIPMENT_RETURN, ALLOCATION, OTHER
}
