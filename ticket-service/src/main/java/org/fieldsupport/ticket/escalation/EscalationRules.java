package org.fieldsupport.ticket.escalation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.ticket.lifecycle.EscalationKind;
import org.fieldsupport.ticket.tickets.Category;

/**
 * Which escalation fits which category, and what it needs: hardware goes to a technician on site, accessories are
 * shipped (the accessory code is required and known), meeting rooms need the room, returns go to logistics, and a
 * new hire's allocation follows the unchanged process with its start date.
 */
public final class EscalationRules {

    private static final Map<Category, EscalationKind> KIND_BY_CATEGORY = new EnumMap<>(Map.of(
            Category.HARDWARE, EscalationKind.ON_SITE,
            Category.ACCESSORY, EscalationKind.SHIPMENT,
            Category.MEETING_ROOM, EscalationKind.MEETING_ROOM,
            Category.EQUIPMENT_RETURN, EscalationKind.RETURN,
            Category.ALLOCATION, EscalationKind.ALLOCATION,
            Category.OTHER, EscalationKind.ON_SITE));

    private EscalationRules() {
    }

    public static EscalationKind kindFor(Category category) {
        return KIND_BY_CATEGORY.get(category);
    }

    /** What the ticket carries that the escalation relies on. */
    public record TicketFacts(Category category, String accessory, String roomId, boolean hasStartDate) {
    }

    /** Refuses, with a 422, an escalation that does not fit the ticket. */
    public static void check(TicketFacts ticket, EscalationKind kind, Set<String> knownAccessories) {
        EscalationKind expected = kindFor(ticket.category());
        if (expected != kind) {
            throw new DomainProblems.RuleViolation("escalation-kind-mismatch", "A " + ticket.category()
                    + " ticket is escalated as " + expected + ", not " + kind + ".");
        }
        switch (kind) {
            case SHIPMENT -> {
                if (ticket.accessory() == null || !knownAccessories.contains(ticket.accessory())) {
                    throw new DomainProblems.RuleViolation("accessory-required",
                            "A shipment needs the ticket's accessory code, one of "
                                    + String.join(", ", knownAccessories.stream().sorted().toList()) + ".");
                }
            }
            case MEETING_ROOM -> {
                if (ticket.roomId() == null) {
                    throw new DomainProblems.RuleViolation("room-required",
                            "A meeting-room escalation needs the ticket's roomId.");
                }
            }
            case ALLOCATION -> {
                if (!ticket.hasStartDate()) {
                    throw new DomainProblems.RuleViolation("start-date-required",
                            "An allocation needs the new hire's startDate.");
                }
            }
            default -> {
            }
        }
    }
}
