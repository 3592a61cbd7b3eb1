package org.fieldsupport.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** Scenario 1: desk traffic, POST /tickets alone, at a constant arrival rate (open model). */
public class TicketCreationSimulation extends Simulation {

    static HttpProtocolBuilder protocol() {
        // Connections are pooled and shared, as a desk tool's back end or a gateway would hold them; arrivals stay
        // open: a slow answer never delays the next request's start.
        return http.baseUrl(Target.ticketUrl()).shareConnections()
                .contentTypeHeader("application/json").acceptHeader("application/json");
    }

    static String ticketBody(String category, String accessory) {
        return "{\"employeeId\":\"" + Target.employee() + "\",\"site\":\"" + Target.site() + "\",\"category\":\""
                + category + "\",\"summary\":\"Benchmark: laptop does not boot\""
                + (accessory == null ? "" : ",\"accessory\":\"" + accessory + "\"") + "}";
    }

    {
        String token = "Bearer " + Target.token("desk-agent");
        ScenarioBuilder create = scenario("ticket creation").exec(http("POST /tickets").post("/tickets")
                .header("Authorization", token)
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody(session -> ticketBody("HARDWARE", null)))
                .check(status().is(201)));
        setUp(create.injectOpen(constantUsersPerSec(Target.rate()).during(Target.seconds())))
                .protocols(protocol());
    }
}
