package org.fieldsupport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherSettingsTest {

    @TempDir
    Path root;

    @Test
    void aServiceGetsEveryonesOptionsThenItsOwn() {
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "SERVICE_JAVA_OPTS", "-Xmx128m -XX:TieredStopAtLevel=1",
                "TICKET_SERVICE_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), root);

        assertThat(settings.javaOpts(service(settings, "ticket-service")))
                .isEqualTo("-Xmx128m -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4");
        assertThat(settings.javaOpts(service(settings, "dispatch-service")))
                .isEqualTo("-Xmx128m -XX:TieredStopAtLevel=1");
    }

    @Test
    void withoutAnySettingEachServiceGetsTheDefaults() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), root);

        assertThat(settings.services()).allSatisfy(spec ->
                assertThat(settings.javaOpts(spec)).isEqualTo(LauncherSettings.DEFAULT_SERVICE_JAVA_OPTS));
    }

    @Test
    void aServiceMapsTheArchiveItsBuildWroteUnlessItsOptionsChooseOrTrainedIsAskedFor() throws IOException {
        for (String name : new String[] {"ticket-service", "survey-service", "logistics-service"}) {
            Path archive = root.resolve(name).resolve("target/quarkus-app/app-cds.jsa");
            Files.createDirectories(archive.getParent());
            Files.writeString(archive, "archive");
        }
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "SURVEY_SERVICE_JAVA_OPTS", "-Xshare:off",
                "LOGISTICS_SERVICE_JAVA_OPTS", "-XX:SharedArchiveFile=/tmp/other.jsa"), root);

        assertThat(settings.classDataArchive(service(settings, "ticket-service")).jvmOptions()).containsExactly(
                "-XX:SharedArchiveFile=" + root.resolve("ticket-service/target/quarkus-app/app-cds.jsa"));
        assertThat(settings.classDataArchive(service(settings, "survey-service")).jvmOptions()).isEmpty();
        assertThat(settings.classDataArchive(service(settings, "logistics-service")).jvmOptions()).isEmpty();
        assertThat(settings.classDataArchive(service(settings, "dispatch-service")).jvmOptions())
                .as("a build that wrote no archive").isEmpty();

        LauncherSettings trained = LauncherSettings.from(Map.of("CLASS_DATA_ARCHIVE", "trained"), root);
        assertThat(trained.classDataArchive(service(trained, "ticket-service")).training()).isTrue();
    }

    private static ServiceSpec service(LauncherSettings settings, String name) {
        return settings.services().stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
    }
}
