package org.fieldsupport.fault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import org.fieldsupport.infra.Topology;
import org.fieldsupport.infra.TopicReader;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * After recovery: every ticket the API accepted, looked up in all four databases (read-only SQL, each service's own
 * role) and on all topics (every record read). For each expected effect it counts the ticket as lost (missing),
 * duplicated (more than one: rows, or distinct event ids) or right; it counts what exists without an accepted
 * request. A record published twice with the same {@code ce_id} (the relay's at-least-once) is no duplicate: the
 * consumers' inbox makes it one; it is reported apart.
 */
final class Reconciliation {

    /** Per check: how many tickets it concerns, lost, duplicated. */
    record Check(String name, int expected, int lost, int duplicated, List<String> examples) {
    }

    record Result(int accepted, int unacceptedRequests, int phantoms, List<Check> checks, int deadLettered,
            int redeliveredRecords, int notBookedNoSlot, int kpiTickets, Map<String, Integer> plans) {

        int lost() {
            return checks.stream().mapToInt(Check::lost).sum();
        }

        int duplicated() {
            return checks.stream().mapToInt(Check::duplicated).sum();
        }

        boolean clean() {
            return lost() == 0 && duplicated() == 0 && phantoms == 0 && deadLettered == 0;
        }
    }

    private final LocalPlatform platform;
    private final String runId;

    Reconciliation(LocalPlatform platform, String runId) {
        this.platform = platform;
        this.runId = runId;
    }

    Result run(List<Traffic.Ticket> tickets, int kpiTickets) throws Exception {
        String prefix = "E-F" + runId + "-";
        List<Traffic.Ticket> accepted = tickets.stream().filter(t -> t.id != null).toList();
        Set<String> acceptedIds = new HashSet<>();
        accepted.forEach(t -> acceptedIds.add(t.id));
        Set<String> unacceptedEmployees = new HashSet<>();
        tickets.stream().filter(t -> t.id == null).forEach(t -> unacceptedEmployees.add(t.employeeId));
        Map<String, Integer> plans = new TreeMap<>();
        accepted.forEach(t -> plans.merge(t.plan.name(), 1, Integer::sum));

        // Databases.
        Map<String, List<String>> ticketRowsByEmployee = new HashMap<>();
        Map<String, String> ticketStatus = new HashMap<>();
        query("ticket-service", "select employee_id, id::text, status from ticket where employee_id like ?", prefix
                + "%", rs -> {
                    ticketRowsByEmployee.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    ticketStatus.put(rs.getString(2), rs.getString(3));
                });
        Map<String, Integer> visits = new HashMap<>();
        Set<String> completedVisits = new HashSet<>();
        query("dispatch-service", "select ticket_id::text, status from intervention where ticket_id is not null "
                + "and kind = ?", "ON_SITE", rs -> {
                    visits.merge(rs.getString(1), 1, Integer::sum);
                    if ("COMPLETED".equals(rs.getString(2))) {
                        completedVisits.add(rs.getString(1));
                    }
                });
        Map<String, Integer> shipments = new HashMap<>();
        query("logistics-service", "select ticket_id::text from shipment where ticket_id is not null and "
                + "employee_id like ?", prefix + "%", rs -> shipments.merge(rs.getString(1), 1, Integer::sum));
        Map<String, Integer> invitations = new HashMap<>();
        query("survey-service", "select ticket_id::text from survey_invitation where ticket_id is not null and "
                + "employee_id like ?", prefix + "%", rs -> invitations.merge(rs.getString(1), 1, Integer::sum));
        Map<String, Integer> pilotTickets = new HashMap<>();
        query("survey-service", "select ticket_id::text from pilot_ticket where ? = ?", "x",
                rs -> pilotTickets.merge(rs.getString(1), 1, Integer::sum));

        // Topics: distinct event ids per (type, ticket).
        Map<String, Map<String, Set<String>>> events = new HashMap<>();
        int[] redelivered = {0};
        Set<String> notBooked = new HashSet<>();
        for (String topic : List.of(Topology.TICKET_EVENTS, Topology.DISPATCH_EVENTS, Topology.LOGISTICS_EVENTS,
                Topology.SURVEY_EVENTS)) {
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, String> record : TopicReader.readAll(platform.kafkaBootstrapServers(),
                    platform.kafkaAdminAccess(), topic)) {
                String id = TopicReader.header(record, "ce_id");
                String type = TopicReader.header(record, "ce_type");
                if (!seen.add(id)) {
                    redelivered[0]++;
                    continue;
                }
                JsonNode payload = Http.JSON.readTree(record.value());
                String ticketId = payload.path("ticketId").asText(record.key());
                events.computeIfAbsent(type, k -> new HashMap<>()).computeIfAbsent(ticketId, k -> new HashSet<>())
                        .add(id);
                if ("InterventionAtRisk".equals(type) && payload.path("interventionId").isNull()) {
                    notBooked.add(ticketId);
                }
            }
        }
        int deadLettered = 0;
        for (String topic : Topology.allTopics()) {
            if (topic.endsWith(".dlq")) {
                deadLettered += TopicReader.readAll(platform.kafkaBootstrapServers(), platform.kafkaAdminAccess(),
                        topic).size();
            }
        }

        List<Check> checks = new ArrayList<>();
        checks.add(count("ticket row (ticket-service)", accepted, t -> ticketRowsByEmployee
                .getOrDefault(t.employeeId, List.of()).size()));
        checks.add(count("TicketOpened (ticket.events)", accepted, t -> events(events, "TicketOpened", t.id)));
        checks.add(count("pilot ticket (survey-service)", accepted, t -> pilotTickets.getOrDefault(t.id, 0)));
        List<Traffic.Ticket> remote = accepted.stream().filter(t -> t.plan == Traffic.Plan.REMOTE && t.acted)
                .toList();
        checks.add(count("TicketResolved of a remote resolution", remote,
                t -> events(events, "TicketResolved", t.id)));
        List<Traffic.Ticket> onSite = accepted.stream().filter(t -> t.plan == Traffic.Plan.ON_SITE && t.acted)
                .toList();
        checks.add(count("TicketEscalated ON_SITE", onSite, t -> events(events, "TicketEscalated", t.id)));
        List<Traffic.Ticket> booked = onSite.stream().filter(t -> !notBooked.contains(t.id)
                || visits.containsKey(t.id)).toList();
        checks.add(count("appointment (dispatch-service)", booked, t -> visits.getOrDefault(t.id, 0)));
        checks.add(count("InterventionScheduled (dispatch.events)", booked,
                t -> events(events, "InterventionScheduled", t.id)));
        List<Traffic.Ticket> completed = onSite.stream().filter(t -> completedVisits.contains(t.id)).toList();
        checks.add(count("InterventionCompleted (dispatch.events)", completed,
                t -> events(events, "InterventionCompleted", t.id)));
        checks.add(count("ticket resolved after its visit (ticket-service)", completed,
                t -> "RESOLVED".equals(ticketStatus.get(t.id)) || "CLOSED".equals(ticketStatus.get(t.id)) ? 1 : 0));
        checks.add(count("survey invitation (survey-service)", completed, t -> invitations.getOrDefault(t.id, 0)));
        checks.add(count("SurveyInvitationIssued (survey.events)", completed,
                t -> events(events, "SurveyInvitationIssued", t.id)));
        List<Traffic.Ticket> shipped = accepted.stream().filter(t -> t.plan == Traffic.Plan.SHIPMENT && t.acted)
                .toList();
        checks.add(count("TicketEscalated SHIPMENT", shipped, t -> events(events, "TicketEscalated", t.id)));
        checks.add(count("shipment (logistics-service)", shipped, t -> shipments.getOrDefault(t.id, 0)));
        checks.add(count("ShipmentDispatched or ShipmentFailed (logistics.events)", shipped,
                t -> events(events, "ShipmentDispatched", t.id) + events(events, "ShipmentFailed", t.id)));

        // What exists without an accepted request: ticket rows of requests never accepted, tickets opened on the
        // topic that no accepted request created (for this run's employees), pilot tickets of unknown ids.
        int phantoms = 0;
        for (String employee : unacceptedEmployees) {
            phantoms += ticketRowsByEmployee.getOrDefault(employee, List.of()).size();
        }
        Set<String> runTicketIds = new HashSet<>();
        ticketRowsByEmployee.values().forEach(runTicketIds::addAll);
        for (String id : events.getOrDefault("TicketOpened", Map.of()).keySet()) {
            if (!acceptedIds.contains(id) && !runTicketIds.contains(id)) {
                phantoms++;
            }
        }
        for (String id : pilotTickets.keySet()) {
            if (!acceptedIds.contains(id)) {
                phantoms++;
            }
        }
        return new Result(accepted.size(), unacceptedEmployees.size(), phantoms, checks, deadLettered,
                redelivered[0], (int) onSite.stream().filter(t -> !booked.contains(t)).count(), kpiTickets, plans);
    }

    private static int events(Map<String, Map<String, Set<String>>> events, String type, String ticketId) {
        return events.getOrDefault(type, Map.of()).getOrDefault(ticketId, Set.of()).size();
    }

    private static Check count(String name, List<Traffic.Ticket> tickets,
            java.util.function.ToIntFunction<Traffic.Ticket> found) {
        int lost = 0;
        int duplicated = 0;
        List<String> examples = new ArrayList<>();
        for (Traffic.Ticket ticket : tickets) {
            int n = found.applyAsInt(ticket);
            if (n != 1) {
                if (n == 0) {
                    lost++;
                } else {
                    duplicated++;
                }
                if (examples.size() < 5) {
                    examples.add(ticket.employeeId + " " + ticket.id + " x" + n);
                }
            }
        }
        return new Check(name, tickets.size(), lost, duplicated, examples);
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws Exception;
    }

    private void query(String service, String sql, String parameter, Row row) throws Exception {
        try (Connection connection = platform.openDatabase(service)) {
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (sql.contains("? = ?")) {
                    statement.setString(1, parameter);
                    statement.setString(2, parameter);
                } else {
                    statement.setString(1, parameter);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }
}
