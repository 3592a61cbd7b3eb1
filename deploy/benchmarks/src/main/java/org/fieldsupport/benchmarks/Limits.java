package org.fieldsupport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The machine's limits, measured against the platform's own PostgreSQL server and broker: pgbench running what a
 * ticket creation does in the database, and Kafka's producer performance tool.
 */
final class Limits {

    /** What ticket-service writes when a ticket is opened: the ticket row and its outbox row, one transaction. */
    static final String TICKET_SCRIPT = """
            \\set n random(1, 1000000000)
            BEGIN;
            INSERT INTO ticket (id, employee_id, site_code, category, summary, asset_tags, status, opened_at, updated_at, version)
              VALUES (gen_random_uuid(), 'E-' || :n, 'NANCY', 'HARDWARE', 'Benchmark: laptop does not boot', '{}', 'OPEN', now(), now(), 0);
            INSERT INTO outbox_event (event_id, event_type, record_key, occurred_at, payload)
              VALUES (gen_random_uuid(), 'TicketOpened', 'k' || :n, now(), repeat('x', 600));
            END;
            """;

    /** The two tables as ticket-service's and the chassis' migrations create them (V1 and V0_1). */
    static final String SCHEMA = """
            drop table if exists ticket; drop table if exists site; drop table if exists outbox_event;
            create table site (code varchar(40) primary key, name varchar(100) not null,
                time_zone varchar(40) not null, updated_at timestamptz not null);
            insert into site values ('NANCY', 'Nancy', 'Europe/Paris', now());
            create table ticket (id uuid primary key, employee_id varchar(64) not null,
                site_code varchar(40) not null references site (code), category varchar(30) not null,
                summary varchar(200) not null, details varchar(4000), accessory varchar(40), room_id varchar(64),
                asset_tags varchar(64)[] not null default '{}', status varchar(30) not null,
                opened_at timestamptz not null, updated_at timestamptz not null, version bigint not null);
            create index ticket_by_site_status on ticket (site_code, status, opened_at desc);
            create index ticket_by_opened on ticket (opened_at desc, id);
            create table outbox_event (position bigint generated always as identity primary key,
                event_id uuid not null unique, event_type varchar(100) not null, record_key varchar(200) not null,
                occurred_at timestamptz not null, payload text not null,
                created_at timestamptz not null default now(), published_at timestamptz);
            create index outbox_event_unpublished on outbox_event (position) where published_at is null;
            """;

    record PgBench(double tps, double avgLatencyMs, double p99LatencyMs, String command) {
    }

    record ProducerPerf(double recordsPerSecond, double mbPerSecond, double p99Ms, String command) {
    }

    private Limits() {
    }

    static void prepareScratchDatabase(String host, int port) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                "postgres", ""); Statement st = admin.createStatement()) {
            st.execute("drop database if exists bench_scratch");
            st.execute("create database bench_scratch");
        }
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port
                + "/bench_scratch", "postgres", ""); Statement st = db.createStatement()) {
            st.execute(SCHEMA);
        }
    }

    /** pgbench with the ticket script; {@code rate} > 0 runs at that fixed rate (pgbench -R), else flat out. */
    static PgBench pgbench(String host, int port, int clients, int seconds, int rate, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("ticket-create.sql");
        Files.writeString(script, TICKET_SCRIPT);
        try (Stream<Path> old = Files.list(workDir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("pgbench_log")).toList()) {
                Files.delete(p);
            }
        }
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", host, "-p", String.valueOf(port), "-U",
                "postgres", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2", "-T",
                String.valueOf(seconds), "-f", script.toString(), "-l", "--log-prefix",
                workDir.resolve("pgbench_log").toString()));
        if (rate > 0) {
            command.addAll(List.of("-R", String.valueOf(rate)));
        }
        command.add("bench_scratch");
        String out = runAndCapture(command, workDir, Map.of());
        double tps = find(out, "tps = ([0-9.]+)");
        double avg = find(out, "latency average = ([0-9.]+) ms");
        // Per-transaction log: the third field is the latency in microseconds (from the scheduled start with -R).
        List<Double> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(workDir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("pgbench_log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] f = line.split(" ");
                    if (f.length > 2) {
                        latencies.add(Long.parseLong(f[2]) / 1000.0);
                    }
                }
            }
        }
        double p99 = LatencyStats.percentile(latencies.stream().mapToDouble(Double::doubleValue).toArray(), 99);
        return new PgBench(tps, avg, p99, String.join(" ", command).replace(workDir.toString() + "/", ""));
    }

    static ProducerPerf producerPerformance(String bootstrap, int partitions, long records, int recordSize,
            Path workDir) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get().contains("bench.producer-perf")) {
                admin.createTopics(List.of(new NewTopic("bench.producer-perf", partitions, (short) 1))).all().get();
            }
        }
        String classpath = System.getProperty("java.class.path");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "bench.producer-perf", "--num-records", String.valueOf(records), "--record-size",
                String.valueOf(recordSize), "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap,
                "acks=all", "enable.idempotence=true");
        String out = runAndCapture(command, workDir, Map.of());
        String last = out.lines().filter(l -> l.contains("records sent")).reduce((a, b) -> b).orElse("");
        return new ProducerPerf(find(last, "([0-9.]+) records/sec"), find(last, "\\(([0-9.]+) MB/sec\\)"),
                find(last, "([0-9.]+) ms 99th"), "ProducerPerformance --num-records " + records + " --record-size "
                        + recordSize + " --throughput -1 --producer-props acks=all enable.idempotence=true");
    }

    static String runAndCapture(List<String> command, Path workDir, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        System.out.println(out.lines().filter(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElse(""));
        return out;
    }

    static double find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }
}
