package org.fieldsupport.ticket.tickets;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /tickets}. */
@Schema(description = "A new ticket, as the desk opens it")
public record OpenTicketRequest(
        @Schema(description = "Pseudonymous employee id (never a name or an e-mail)", example = "E-104233")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
                message = "must be a pseudonymous id: letters, digits, . _ : -") String employeeId,
        @Schema(description = "Site code, see GET /sites", example = "STRASBOURG")
        @NotBlank @Size(max = 40) String site,
        @Schema(example = "HARDWARE") @NotNull Category category,
        @Schema(example = "Laptop does not boot") @NotBlank @Size(max = 200) String summary,
        @Size(max = 4000) String details,
        @Schema(description = "Accessory code, for ACCESSORY tickets", example = "HEADSET")
        @Size(max = 40) String accessory,
        @Schema(description = "Meeting room id, for MEETING_ROOM tickets") @Size(max = 64) String roomId,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> assetTags,
        @Schema(description = "Business time of the opening; only the importer role may give it")
        Instant openedAt) {
}
