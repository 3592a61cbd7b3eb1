package org.fieldsupport.ticket.lifecycle;

/**
 * What a report from dispatch or logistics means for a ticket: the status it leads to ({@code null}: information
 * for the timeline only), how the ticket is resolved when it leads to {@code RESOLVED}, and the timeline line.
 */
public record Progress(TicketStatus target, String resolution, String kind, String detail) {

    public static Progress informationOnly(String kind, String detail) {
        return new Progress(null, null, kind, detail);
    }
}
