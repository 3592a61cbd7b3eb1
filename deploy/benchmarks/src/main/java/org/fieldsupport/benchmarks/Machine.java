package org.fieldsupport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the machine and the service processes say about themselves, from /proc. */
final class Machine {

    static final List<String> SERVICES = List.of("ticket-service", "dispatch-service", "logistics-service",
            "survey-service");

    private Machine() {
    }

    /** The load averages (1, 5, 15 min) as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double load1() {
        return Double.parseDouble(loadAverage().split(" ")[0]);
    }

    /**
     * The pid of each service this JVM started, found among its children by the jar they run. The command line is
     * read from /proc: {@code ProcessHandle.Info} gives none when it is long (scenario 4 passes a hundred sites'
     * settings as system properties).
     */
    static Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : SERVICES) {
            // By the folder the launcher starts it in (the jar's): its command line names the jar only relative
            // to it, unless an option happens to carry the absolute path.
            ProcessHandle.current().children()
                    .filter(p -> workingDirectory(p.pid()).endsWith(Path.of(service, "target", "quarkus-app")))
                    .findFirst().ifPresent(p -> pids.put(service, p.pid()));
        }
        return pids;
    }

    private static Path workingDirectory(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd"));
        } catch (IOException e) {
            return Path.of("");
        }
    }

    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** A field of /proc/PID/status in MB, such as VmRSS or VmHWM (peak RSS). */
    static Optional<Double> statusMb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException e) {
            // Gone.
        }
        return Optional.empty();
    }

    /** CPU time used so far by a process (user + system), in seconds. */
    static double cpuSeconds(long pid) {
        return clockTicks(pid, false) / 100.0;
    }

    /**
     * CPU time used so far by a server and every process it started: those running (PostgreSQL's backends) and those
     * that ended, which the kernel adds to their parent's account when it collects them. In seconds.
     */
    static double treeCpuSeconds(long pid) {
        double children = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToDouble(child -> clockTicks(child.pid(), false)).filter(t -> !Double.isNaN(t)).sum();
        return (clockTicks(pid, true) + children) / 100.0;
    }

    /** utime + stime of /proc/PID/stat, plus cutime + cstime (its collected children) when asked; NaN if gone. */
    private static double clockTicks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The PostgreSQL server running on {@code dataDir} (its postmaster, started with -D), if there is one. */
    static Optional<Long> postmaster(Path dataDir) {
        // The command line's arguments end each with a space (commandLine), so the option is matched whole.
        String option = "-D " + dataDir.toAbsolutePath().normalize() + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    String command = commandLine(p.pid());
                    return command.contains("postgres") && command.contains(option);
                })
                .map(ProcessHandle::pid).findFirst();
    }

    /** Busy and total jiffies of the whole machine, from /proc/stat. */
    static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
