package org.fieldsupport.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Validates event payloads against the JSON Schema files a publisher keeps under {@code contracts/}. */
public final class ContractSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12);

    private ContractSchemas() {
    }

    /** Loads a schema from the classpath, e.g. {@code contracts/schemas/TicketOpened.schema.json}. */
    public static Schema fromClasspath(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema on the classpath at " + resource);
            }
            return REGISTRY.getSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a schema from a file, such as another service's published contract. */
    public static Schema fromFile(Path file) {
        try {
            return REGISTRY.getSchema(Files.readString(file), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code json} against {@code schema}, as readable lines; empty when valid. */
    public static List<String> violations(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }
}
