package org.fieldsupport.ticket.lifecycle;

import static org.fieldsupport.ticket.lifecycle.TicketStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.fieldsupport.chassis.problem.DomainProblems;

/**
 * The ticket state machine: which status may follow which. The desk's commands and the other services' events both
 * go through {@link #check}; anything else is an illegal transition (409).
 *
 * <pre>
 * OPEN ──remote-resolution──▶ RESOLVED ──close / auto-close──▶ CLOSED
 *  │                            ▲   │
 *  └──escalation──▶ ESCALATED ──┤   └──reopen (within the window)──▶ OPEN
 *                    │          │
 *                    ▼          │ (completed, delivered, received, prepared, collected)
 *      APPOINTMENT_BOOKED, TECHNICIAN_ON_SITE, AT_RISK, AWAITING_ADDRESS, SHIPPED,
 *      AWAITING_PICKUP, AWAITING_RETURN ──(follow-up needed, delivery failed)──▶ NEEDS_ATTENTION
 *                                                      NEEDS_ATTENTION ──escalation / remote-resolution──▶ …
 * every open status ──cancel──▶ CANCELLED
 * </pre>
 */
public final class TicketLifecycle {

    /** What dispatch and logistics report while they work on an escalated ticket. */
    private static final Set<TicketStatus> IN_PROGRESS = EnumSet.of(APPOINTMENT_BOOKED, TECHNICIAN_ON_SITE, AT_RISK,
            AWAITING_ADDRESS, SHIPPED, AWAITING_PICKUP, AWAITING_RETURN);

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        NEXT.put(OPEN, EnumSet.of(RESOLVED, ESCALATED, CANCELLED));
        for (TicketStatus status : EnumSet.of(ESCALATED, IN_PROGRESS.toArray(new TicketStatus[0]))) {
            Set<TicketStatus> next = EnumSet.copyOf(IN_PROGRESS);
            next.addAll(EnumSet.of(NEEDS_ATTENTION, RESOLVED, CANCELLED));
            NEXT.put(status, next);
        }
        // Only the desk escalates, from a ticket it holds; late progress reports still move it along.
        NEXT.put(NEEDS_ATTENTION, EnumSet.copyOf(IN_PROGRESS));
        NEXT.get(NEEDS_ATTENTION).addAll(EnumSet.of(ESCALATED, RESOLVED, CANCELLED));
        NEXT.put(RESOLVED, EnumSet.of(CLOSED, OPEN));
        NEXT.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(TicketStatus.class));
    }

    private TicketLifecycle() {
    }

    public static boolean allows(TicketStatus from, TicketStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Refuses a transition the state machine does not have, saying from which status to which. */
    public static void check(TicketStatus from, TicketStatus to, String action) {
        if (!allows(from, to)) {
            throw new DomainProblems.Conflict("illegal-transition",
                    "Cannot " + action + " a ticket that is " + from + " (no transition from " + from + " to " + to
                            + ").");
        }
    }
}
