package org.fieldsupport.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One generated request to the desk and what happens to it: {@code actedAt} is when the desk resolved it remotely
 * or escalated it; {@code deliveredAt} when the carrier delivers an accessory (null for other kinds); {@code survey}
 * the employee's survey after a hands-on visit or a delivered accessory (null for other kinds).
 */
public record GeneratedTicket(String key, String site, Kind kind, String employeeId, Instant openedAt,
        Instant actedAt, String accessory, String roomId, String assetTag, LocalDate startDate, Instant deliveredAt,
        Survey survey) {

    /**
     * The survey sent after the visit or the delivery: {@code rating} 1 to 5 given {@code answeredAfter} the
     * invitation, or both null when the employee did not answer.
     */
    public record Survey(Integer rating, Duration answeredAfter) {

        public boolean answered() {
            return rating != null;
        }

        /** Satisfied: 4 or 5 of 5 (DESIGN §6). */
        public boolean satisfied() {
            return rating != null && rating >= 4;
        }
    }


    public enum Kind {
        HARDWARE_REMOTE("HARDWARE", null, false),
        HARDWARE_ON_SITE("HARDWARE", "ON_SITE", true),
        MEETING_ROOM("MEETING_ROOM", "MEETING_ROOM", true),
        ACCESSORY("ACCESSORY", "SHIPMENT", false),
        EQUIPMENT_RETURN("EQUIPMENT_RETURN", "RETURN", false),
        ALLOCATION("ALLOCATION", "ALLOCATION", false);

        public final String category;
        /** The escalation kind, or null when the desk resolves the ticket remotely. */
        public final String escalation;
        /** A technician's hands-on visit, which the pilot counts as an on-site intervention. */
        public final boolean handsOn;

        Kind(String category, String escalation, boolean handsOn) {
            this.category = category;
            this.escalation = escalation;
            this.handsOn = handsOn;
        }

        /** The employee gets a survey: after a hands-on visit or a delivered accessory. */
        public boolean surveyed() {
            return handsOn || this == ACCESSORY;
        }

        /** A technician visit follows: a hands-on intervention or the collection of a return. */
        public boolean visit() {
            return handsOn || this == EQUIPMENT_RETURN;
        }
    }
}
