package org.fieldsupport.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.UUID;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 3: a realistic desk day at a constant arrival rate of tickets: 70% hardware incidents resolved remotely,
 * 25% escalated on site (a technician booked by dispatch), 5% accessories shipped to the employee's home (delivery
 * address recorded first, then a SHIPMENT escalation that logistics turns into a parcel).
 */
public class MixedLoadSimulation extends Simulation {

    static final double REMOTE_SHARE = 0.70;
    static final double ON_SITE_SHARE = 0.25;
    static final double SHIPMENT_SHARE = 0.05;

    {
        String token = "Bearer " + Target.token("desk-agent");
        ChainBuilder remote = open("HARDWARE", null).exec(http("POST /tickets/{id}/remote-resolution")
                .post("/tickets/#{ticketId}/remote-resolution").header("Authorization", token)
                .body(StringBody("{\"note\":\"Benchmark: fixed remotely\"}")).check(status().is(200)));
        ChainBuilder onSite = open("HARDWARE", null).exec(escalate("ON_SITE", token));
        ChainBuilder shipment = io.gatling.javaapi.core.CoreDsl.exec(http("PUT /employees/{id}/delivery-address").put(session -> Target.logisticsUrl()
                        + "/employees/" + session.getString("employeeId") + "/delivery-address")
                        .header("Authorization", token)
                        .body(StringBody("{\"recipientName\":\"Benchmark employee\",\"line1\":\"1 rue de la Gare\","
                                + "\"postalCode\":\"67000\",\"city\":\"Strasbourg\",\"country\":\"FR\"}"))
                        .check(status().in(200, 201, 204)))
                .exec(open("ACCESSORY", "HEADSET")).exec(escalate("SHIPMENT", token));
        ScenarioBuilder mix = scenario("mixed desk load")
                .exec(session -> session.set("employeeId", Target.employee()))
                .exec(randomSwitch().on(percent(REMOTE_SHARE * 100).then(remote),
                        percent(ON_SITE_SHARE * 100).then(onSite), percent(SHIPMENT_SHARE * 100).then(shipment)));
        setUp(mix.injectOpen(constantUsersPerSec(Target.rate()).during(Target.seconds())))
                .protocols(TicketCreationSimulation.protocol());
    }

    private static ChainBuilder open(String category, String accessory) {
        String token = "Bearer " + Target.token("desk-agent");
        return io.gatling.javaapi.core.CoreDsl.exec(http("POST /tickets").post("/tickets")
                .header("Authorization", token)
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody(session -> "{\"employeeId\":\"" + session.getString("employeeId")
                        + "\",\"site\":\"" + Target.site() + "\",\"category\":\"" + category
                        + "\",\"summary\":\"Benchmark ticket\""
                        + (accessory == null ? "" : ",\"accessory\":\"" + accessory + "\"") + "}"))
                .check(status().is(201), jsonPath("$.id").saveAs("ticketId")));
    }

    private static ChainBuilder escalate(String kind, String token) {
        return io.gatling.javaapi.core.CoreDsl.exec(http("POST /tickets/{id}/escalation (" + kind + ")")
                .post("/tickets/#{ticketId}/escalation").header("Authorization", token)
                .body(StringBody("{\"kind\":\"" + kind + "\"}")).check(status().is(202)));
    }
}
