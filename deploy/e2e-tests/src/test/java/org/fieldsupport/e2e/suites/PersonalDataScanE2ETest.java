package org.fieldsupport.e2e.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fieldsupport.e2e.CrossServiceFlowsE2ETest;
import org.fieldsupport.e2e.SharedPlatform;
import org.fieldsupport.infra.Topology;
import org.fieldsupport.infra.TopicReader;
import org.fieldsupport.launcher.LocalPlatform;

/**
 * Last: every record on every topic after all the other end-to-end classes ran carries no delivery address, e-mail
 * or name (DESIGN §3, "personal data stays home"), and no service log holds the delivery address given to
 * logistics-service. Writes its figures to {@code target/personal-data-report.txt}.
 */
@ExtendWith(SharedPlatform.class)
@Order(99)
class PersonalDataScanE2ETest {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @Test
    void noRecordOnAnyTopicAndNoLogCarriesPersonalData() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        List<String> address = CrossServiceFlowsE2ETest.DELIVERY_ADDRESS_PARTS;
        List<String> findings = new ArrayList<>();
        int records = 0;
        for (String topic : Topology.allTopics()) {
            for (ConsumerRecord<String, String> record : TopicReader.readAll(platform.kafkaBootstrapServers(),
                    platform.kafkaAdminAccess(), topic)) {
                records++;
                String value = record.value() == null ? "" : record.value();
                if (EMAIL.matcher(value).find()) {
                    findings.add(topic + " " + record.key() + ": an e-mail address");
                }
                address.stream().filter(value::contains)
                        .forEach(part -> findings.add(topic + " " + record.key() + ": '" + part + "'"));
            }
        }
        int logLines = 0;
        try (Stream<Path> logs = Files.list(platform.settings().logs())) {
            for (Path log : logs.toList()) {
                List<String> lines = Files.readAllLines(log);
                logLines += lines.size();
                for (String line : lines) {
                    address.stream().filter(line::contains)
                            .forEach(part -> findings.add(log.getFileName() + ": '" + part + "'"));
                }
            }
        }
        String report = String.format("Personal-data scan: %d records on %d topics, %d log lines; %d findings%n",
                records, Topology.allTopics().size(), logLines, findings.size());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/personal-data-report.txt"), report + String.join("\n", findings) + "\n");
        System.out.print(report);
        assertThat(records).as("records scanned").isPositive();
        assertThat(findings).isEmpty();
    }
}
