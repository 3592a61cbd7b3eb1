package org.fieldsupport.ticket.tickets;

/** The statuses the desk sees. */
public enum TicketStatus {
    OPEN, ESCALATED, RESOLVED, CLOSED, CANCELLED
}
