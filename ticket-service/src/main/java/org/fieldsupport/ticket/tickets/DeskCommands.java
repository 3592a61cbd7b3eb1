package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.fieldsupport.ticket.lifecycle.EscalationKind;

/** The bodies of the desk's commands on a ticket. {@code at}: business time, for the importer role only. */
public final class DeskCommands {

    private DeskCommands() {
    }

    @Schema(description = "How the desk solved the problem remotely")
    public record RemoteResolution(@NotBlank @Size(max = 2000) String note, Instant at) {
    }

    @Schema(description = "Hands the ticket on; the kind must fit the ticket's category")
    public record Escalation(
            @Schema(example = "ON_SITE") @NotNull EscalationKind kind,
            @Size(max = 2000) String note,
            @Schema(description = "The new hire's first day, for ALLOCATION") LocalDate startDate,
            Instant at) {
    }

    @Schema(description = "An optional note and, for the importer, the business time")
    public record Note(@Size(max = 2000) String note, Instant at) {
    }

    @Schema(description = "Why the resolved ticket comes back")
    public record Reopening(@NotBlank @Size(max = 2000) String reason, Instant at) {
    }
}
