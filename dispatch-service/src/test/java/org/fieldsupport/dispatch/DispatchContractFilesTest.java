package org.fieldsupport.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.fieldsupport.testing.ContractSchemas;

/** Producer side: every event type dispatch publishes has its schema, a valid example and its AsyncAPI entry. */
class DispatchContractFilesTest {

    @Test
    void everyPublishedEventTypeIsDocumented() {
        assertThat(ContractSchemas.documentedEventTypes(Path.of("src/main/resources/contracts"))).isEqualTo(Set.of(
                "InterventionScheduled", "InterventionRescheduled", "InterventionAtRisk", "InterventionStarted",
                "InterventionCompleted", "InterventionCancelled", "RoomCheckCompleted"));
    }
}
