package org.fieldsupport.ticket.lifecycle;

/**
 * The statuses the desk sees. After {@code ESCALATED}, the intermediate statuses follow what dispatch and logistics
 * report; {@code RESOLVED}, {@code CLOSED} and {@code CANCELLED} end the work (a resolved ticket may still be
 * reopened within the reopen window).
 */
public enum TicketStatus {
    OPEN,
    ESCALATED,
    APPOINTMENT_BOOKED,
    TECHNICIAN_ON_SITE,
    AT_RISK,
    AWAITING_ADDRESS,
    SHIPPED,
    AWAITING_PICKUP,
    AWAITING_RETURN,
    NEEDS_ATTENTION,
    RESOLVED,
    CLOSED,
    CANCELLED;

    /** Work is still to be done on the ticket: it can be cancelled. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED;
    }

    /** The ticket is in the hands of dispatch or logistics. */
    public boolean isEscalated() {
        return isOpen() && this != OPEN && this != NEEDS_ATTENTION;
    }
}
