package org.fieldsupport.e2e.suites;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The REST operations a running service documents in its OpenAPI, with what the suites need of each. */
final class OpenApiOperations {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private OpenApiOperations() {
    }

    /** One documented operation. {@code roles} empty with {@code secured} false: public (or signed webhook). */
    record Operation(String service, String method, String path, boolean secured, Set<String> roles,
            List<JsonNode> parameters, JsonNode bodySchema, Set<String> bodyTypes, Set<String> errorTypes,
            JsonNode document) {

        String key() {
            return service + " " + method + " " + path;
        }

        /** The schema with $ref resolved against the document. */
        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            while (current != null && current.has("$ref")) {
                String ref = current.get("$ref").asText().replace("#/components/schemas/", "");
                JsonNode target = document.path("components").path("schemas").path(ref);
                if (current.size() > 1) {
                    com.fasterxml.jackson.databind.node.ObjectNode merged = target.deepCopy();
                    current.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals("$ref")) {
                            merged.set(f.getKey(), f.getValue());
                        }
                    });
                    current = merged;
                } else {
                    current = target;
                }
            }
            return current;
        }
    }

    static List<Operation> of(String service, String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode document = JSON.readTree(response.body());
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> entry = methods.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                Set<String> roles = new TreeSet<>();
                boolean secured = false;
                for (JsonNode requirement : op.path("security")) {
                    Iterator<JsonNode> scopes = requirement.elements();
                    while (scopes.hasNext()) {
                        secured = true;
                        scopes.next().forEach(r -> roles.add(r.asText()));
                    }
                }
                List<JsonNode> parameters = new ArrayList<>();
                op.path("parameters").forEach(parameters::add);
                path.getValue().path("parameters").forEach(parameters::add);
                JsonNode content = op.path("requestBody").path("content");
                Set<String> bodyTypes = new LinkedHashSet<>();
                content.fieldNames().forEachRemaining(bodyTypes::add);
                JsonNode bodySchema = content.path("application/json").path("schema");
                Set<String> errorTypes = new TreeSet<>();
                op.path("responses").fields().forEachRemaining(r -> {
                    // A page for people (the survey form) answers its errors as a page too.
                    if (r.getKey().startsWith("4") || r.getValue().path("content").has("text/html")) {
                        r.getValue().path("content").fieldNames().forEachRemaining(errorTypes::add);
                    }
                });
                operations.add(new Operation(service, entry.getKey().toUpperCase(java.util.Locale.ROOT),
                        path.getKey(), secured, roles, parameters, bodySchema.isMissingNode() ? null : bodySchema,
                        bodyTypes, errorTypes, document));
            }
        }
        return operations;
    }
}
