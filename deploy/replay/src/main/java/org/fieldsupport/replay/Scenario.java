package org.fieldsupport.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A generated scenario: its settings, the business days of each site over its period, its tickets in the order
 * they were opened and the technicians' sick days in the order they were declared. The counting methods give what the platform's report must give back.
 */
public record Scenario(ScenarioSettings settings, Map<String, List<LocalDate>> businessDays,
        List<GeneratedTicket> tickets, List<GeneratedAbsence> absences) {

    /**
     * The part of this scenario that concerns one site and the technicians who serve only it: its tickets and their
     * sick days, in the same order. Sites that share no technician can be played side by side, each such part in
     * time order, without changing what the platform plans.
     */
    public Scenario lane(PilotSite site, List<String> itsTechnicians) {
        return new Scenario(settings.forSites(List.of(site), itsTechnicians),
                Map.of(site.code(), businessDays.getOrDefault(site.code(), List.of())), ticketsOf(site.code()),
                absences.stream().filter(absence -> itsTechnicians.contains(absence.technicianId())).toList());
    }

    public List<GeneratedTicket> ticketsOf(String site) {
        return tickets.stream().filter(t -> t.site().equals(site)).toList();
    }

    public long count(String site, GeneratedTicket.Kind kind) {
        return tickets.stream().filter(t -> t.site().equals(site) && t.kind() == kind).count();
    }

    /** Hands-on interventions: on-site hardware and meeting rooms. */
    public long handsOn(String site) {
        return tickets.stream().filter(t -> t.site().equals(site) && t.kind().handsOn).count();
    }

    /** Tickets after which the employee is sent a survey (a hands-on visit or a delivered accessory). */
    public long surveys(String site) {
        return tickets.stream().filter(t -> t.site().equals(site) && t.survey() != null).count();
    }

    public long answers(String site) {
        return tickets.stream().filter(t -> t.site().equals(site) && t.survey() != null && t.survey().answered())
                .count();
    }

    public long satisfied(String site) {
        return tickets.stream().filter(t -> t.site().equals(site) && t.survey() != null && t.survey().satisfied())
                .count();
    }
}
