package org.fieldsupport.ticket.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The example payloads dispatch-service and logistics-service publish with their contracts. ticket-service reads the
 * files, never the publishers' code.
 */
final class ProducerExamples {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ProducerExamples() {
    }

    static Path file(String eventType) {
        Path dispatch = Path.of("../dispatch-service/src/main/resources/contracts/examples", eventType + ".json");
        return Files.exists(dispatch) ? dispatch
                : Path.of("../logistics-service/src/main/resources/contracts/examples", eventType + ".json");
    }

    /** The publisher's example, with this test's ticket, time and any other field replaced. */
    static ObjectNode example(String eventType) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(file(eventType)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProgressReport report(ObjectNode payload) {
        try {
            return JSON.treeToValue(payload, ProgressReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
