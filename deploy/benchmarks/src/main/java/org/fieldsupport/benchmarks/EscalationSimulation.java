package org.fieldsupport.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2: the on-site path. Each arrival opens a hardware ticket and escalates it on site; the time its 202
 * arrives is kept by ticket id, and {@link DispatchEventProbe} times the {@code InterventionScheduled} record for it.
 */
public class EscalationSimulation extends Simulation {

    {
        String token = "Bearer " + Target.token("desk-agent");
        ScenarioBuilder escalate = scenario("escalation on site")
                .exec(http("POST /tickets").post("/tickets")
                        .header("Authorization", token)
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(session -> TicketCreationSimulation.ticketBody("HARDWARE", null)))
                        .check(status().is(201), jsonPath("$.id").saveAs("ticketId")))
                .exec(http("POST /tickets/{id}/escalation").post("/tickets/#{ticketId}/escalation")
                        .header("Authorization", token)
                        .body(StringBody("{\"kind\":\"ON_SITE\",\"note\":\"Benchmark: needs a technician\"}"))
                        .check(status().is(202)))
                .exec(session -> {
                    if (!session.isFailed()) {
                        Target.ESCALATED_AT.put(session.getString("ticketId"), Target.nowMicros());
                    }
                    return session;
                });
        setUp(escalate.injectOpen(constantUsersPerSec(Target.rate()).during(Target.seconds())))
                .protocols(TicketCreationSimulation.protocol());
    }
}
