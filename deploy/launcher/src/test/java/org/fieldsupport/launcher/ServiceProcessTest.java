package org.fieldsupport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void aServiceStartsInASessionOfItsOwnAndKeepsItsPid() throws Exception {
        assumeFalse(ServiceProcess.SESSION_OF_ITS_OWN.isEmpty(), "no setsid on this machine");
        List<String> command = new ArrayList<>(ServiceProcess.SESSION_OF_ITS_OWN);
        command.addAll(List.of("sleep", "30"));
        Process sleeper = new ProcessBuilder(command).start();
        try {
            // The pid the launcher signals becomes the program's own once setsid has run: it did not fork and leave.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(Files.readString(Path.of("/proc", String.valueOf(sleeper.pid()), "cmdline")))
                        .startsWith("sleep");
                assertThat(sessionOf(sleeper.pid())).isEqualTo(sleeper.pid())
                        .isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
            });
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    /** Field 6 of /proc/PID/stat, counted after the command's name in parentheses (which may hold spaces). */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterName[3]);
    }
}
