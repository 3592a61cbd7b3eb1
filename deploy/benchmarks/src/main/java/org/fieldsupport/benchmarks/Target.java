package org.fieldsupport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the Gatling simulations need to know about the platform under test. Gatling instantiates simulations by
 * class name, so the orchestrator passes these through system properties, read once per simulation.
 */
public final class Target {

    static final String[] SITES = {"STRASBOURG", "NANCY", "DIJON"};

    /** When each escalation was accepted (its 202 arrived), by ticket id, in epoch microseconds. */
    static final ConcurrentHashMap<String, Long> ESCALATED_AT = new ConcurrentHashMap<>();

    private Target() {
    }

    static String ticketUrl() {
        return System.getProperty("bench.ticket.url");
    }

    static String logisticsUrl() {
        return System.getProperty("bench.logistics.url");
    }

    static String token(String role) {
        try {
            return Files.readString(Path.of(System.getProperty("bench.tokens"), role + ".jwt")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + role, e);
        }
    }

    static double rate() {
        return Double.parseDouble(System.getProperty("bench.rate"));
    }

    static int seconds() {
        return Integer.parseInt(System.getProperty("bench.seconds"));
    }

    static String site() {
        return SITES[ThreadLocalRandom.current().nextInt(SITES.length)];
    }

    static String employee() {
        return "E-" + (100000 + ThreadLocalRandom.current().nextInt(900000));
    }

    static long nowMicros() {
        return micros(java.time.Instant.now());
    }

    /** An instant in epoch microseconds, the unit of the probe's and the scenario's timings. */
    static long micros(java.time.Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
