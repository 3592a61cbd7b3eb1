package org.fieldsupport.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aServiceThatChoosesItsOwnClassDataSharingIsGivenNoArchive() {
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "SURVEY_SERVICE_JAVA_OPTS", "-Xshare:off",
                "LOGISTICS_SERVICE_JAVA_OPTS", "-XX:SharedArchiveFile=/tmp/other.jsa"), root);

        assertThat(settings.classDataArchive(service(settings, "ticket-service")).training()).isTrue();
        assertThat(settings.classDataArchive(service(settings, "survey-service")).jvmOptions()).isEmpty();
        assertThat(settings.classDataArchive(service(settings, "logistics-service")).jvmOptions()).isEmpty();
    }

    @Test
    void eachServiceHasItsOwnShareOfTheCoresUnlessAskedOtherwise() {
        assertThat(LauncherSettings.from(Map.of(), root).cpuSharedPerService()).isTrue();
        assertThat(LauncherSettings.from(Map.of("SERVICE_CPU_SHARING", "per-thread"), root).cpuSharedPerService())
                .isFalse();
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("SERVICE_CPU_SHARING", "fair"), root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("per-service or per-thread");
    }

    private static ServiceSpec service(LauncherSettings settings, String name) {
        return settings.services().stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
    }
}
