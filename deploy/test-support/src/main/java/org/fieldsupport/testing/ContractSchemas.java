package org.fieldsupport.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /**
     * The event types documented in a publisher's {@code contracts} folder (one schema each), after checking that each
     * has an example valid against its schema and its place in {@code asyncapi.yaml}; any breach throws.
     */
    public static Set<String> documentedEventTypes(Path contracts) {
        try (Stream<Path> schemas = Files.list(contracts.resolve("schemas"))) {
            String asyncApi = Files.readString(contracts.resolve("asyncapi.yaml"));
            Set<String> types = schemas.map(p -> p.getFileName().toString().replace(".schema.json", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String type : types) {
                String example = Files.readString(contracts.resolve("examples/" + type + ".json"));
                List<String> violations = violations(fromFile(contracts.resolve("schemas/" + type + ".schema.json")),
                        example);
                if (!violations.isEmpty()) {
                    throw new AssertionError("The example of " + type + " breaks its schema: " + violations);
                }
                for (String reference : List.of("$ref: './schemas/" + type + ".schema.json'",
                        "$ref: './examples/" + type + ".json'", "$ref: '#/components/messages/" + type + "'")) {
                    if (!asyncApi.contains(reference)) {
                        throw new AssertionError("asyncapi.yaml lacks " + reference);
                    }
                }
                Pattern sent = Pattern.compile("- \\$ref: '#/channels/[A-Za-z]+/messages/" + type + "'");
                if (!sent.matcher(asyncApi).find()) {
                    throw new AssertionError("No operation of asyncapi.yaml sends " + type);
                }
            }
            return types;
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
