package org.fieldsupport.ticket.escalation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.ticket.lifecycle.EscalationKind;
import org.fieldsupport.ticket.tickets.Category;

class EscalationRulesTest {

    static final Set<String> ACCESSORIES = Set.of("HEADSET", "KEYBOARD", "MOUSE");

    @Test
    void eachCategoryHasItsOwnKind() {
        assertThatCode(() -> check(Category.HARDWARE, null, null, false, EscalationKind.ON_SITE)).doesNotThrowAnyException();
        assertThatCode(() -> check(Category.ACCESSORY, "HEADSET", null, false, EscalationKind.SHIPMENT))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(Category.MEETING_ROOM, null, "STR-R101", false, EscalationKind.MEETING_ROOM))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(Category.EQUIPMENT_RETURN, null, null, false, EscalationKind.RETURN))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(Category.ALLOCATION, null, null, true, EscalationKind.ALLOCATION))
                .doesNotThrowAnyException();
    }

    @Test
    void aKindThatDoesNotFitTheCategoryIsRefused() {
        assertThatThrownBy(() -> check(Category.HARDWARE, null, null, false, EscalationKind.SHIPMENT))
                .isInstanceOf(DomainProblems.RuleViolation.class).hasMessageContaining("ON_SITE");
        assertThatThrownBy(() -> check(Category.ACCESSORY, "MOUSE", null, false, EscalationKind.ON_SITE))
                .isInstanceOf(DomainProblems.RuleViolation.class);
    }

    @Test
    void whatAnEscalationNeedsMustBeThere() {
        assertThatThrownBy(() -> check(Category.ACCESSORY, null, null, false, EscalationKind.SHIPMENT))
                .hasMessageContaining("accessory");
        assertThatThrownBy(() -> check(Category.ACCESSORY, "TEAPOT", null, false, EscalationKind.SHIPMENT))
                .hasMessageContaining("accessory");
        assertThatThrownBy(() -> check(Category.MEETING_ROOM, null, null, false, EscalationKind.MEETING_ROOM))
                .hasMessageContaining("roomId");
        assertThatThrownBy(() -> check(Category.ALLOCATION, null, null, false, EscalationKind.ALLOCATION))
                .hasMessageContaining("startDate");
    }

    private static void check(Category category, String accessory, String roomId, boolean startDate,
            EscalationKind kind) {
        EscalationRules.check(new EscalationRules.TicketFacts(category, accessory, roomId, startDate), kind,
                ACCESSORIES);
    }
}
