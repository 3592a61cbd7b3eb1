package org.fieldsupport.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's public REST contract (DESIGN §8) as the replay calls it: JSON, bearer tokens, signed webhooks. */
public final class PlatformClient {

    /** A bearer token per role, as {@code ./deploy/run} writes them to {@code .local/tokens/<role>.jwt}. */
    @FunctionalInterface
    public interface Tokens {
        String of(String role) throws IOException;
    }

    /** Base URLs of the four services. */
    public record Endpoints(String tickets, String dispatch, String logistics, String surveys) {
        /**
         * The local platform's services, on the ports {@code ./deploy/run} reads from the same environment
         * variables ({@code TICKET_SERVICE_PORT} 8081 … {@code SURVEY_SERVICE_PORT} 8084).
         */
        public static Endpoints local(Map<String, String> environment) {
            return new Endpoints(local(environment, "TICKET", 8081), local(environment, "DISPATCH", 8082),
                    local(environment, "LOGISTICS", 8083), local(environment, "SURVEY", 8084));
        }

        private static String local(Map<String, String> environment, String service, int port) {
            return "http://127.0.0.1:" + environment.getOrDefault(service + "_SERVICE_PORT", String.valueOf(port));
        }
    }

    /** A call the platform refused. */
    public static final class Refused extends RuntimeException {
        public final int status;
        public final String body;

        Refused(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Tokens tokens;
    private final byte[] webhookKey;

    public PlatformClient(Tokens tokens, byte[] webhookKey) {
        this.tokens = tokens;
        this.webhookKey = webhookKey.clone();
    }

    /** A document as the service renders it (CSV, HTML), unparsed. */
    public String getText(String role, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", "Bearer " + tokens.of(role)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new Refused("GET " + url, response.statusCode(), response.body());
        }
        return response.body();
    }

    public JsonNode get(String role, String url) throws IOException, InterruptedException {
        return send(role, HttpRequest.newBuilder(URI.create(url)).GET(), "GET " + url, Set.of(200));
    }

    /** A read that may take longer than the usual 30 s, such as the pilot's figures over a year of many sites. */
    public JsonNode get(String role, String url, Duration timeout) throws IOException, InterruptedException {
        return send(role, HttpRequest.newBuilder(URI.create(url)).GET().timeout(timeout), "GET " + url,
                Set.of(200));
    }

    public JsonNode post(String role, String url, Map<String, ?> body, String idempotencyKey, Set<Integer> expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(role, request, "POST " + url, expected);
    }

    public JsonNode put(String role, String url, Map<String, ?> body) throws IOException, InterruptedException {
        return send(role, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), "PUT " + url, Set.of(200));
    }

    /** A carrier's or locker's webhook: no token, the raw body signed with the shared key. */
    public JsonNode postSigned(String url, Map<String, ?> body) throws IOException, InterruptedException {
        String raw = JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("X-Signature", signature(raw))
                .POST(HttpRequest.BodyPublishers.ofString(raw));
        return exchange(request, "POST " + url, Set.of(204));
    }

    private JsonNode send(String role, HttpRequest.Builder request, String call, Set<Integer> expected)
            throws IOException, InterruptedException {
        return exchange(request.header("Authorization", "Bearer " + tokens.of(role)), call, expected);
    }

    private JsonNode exchange(HttpRequest.Builder request, String call, Set<Integer> expected)
            throws IOException, InterruptedException {
        HttpRequest built = request.build();
        if (built.timeout().isEmpty()) {
            built = request.timeout(Duration.ofSeconds(30)).build();
        }
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (!expected.contains(response.statusCode())) {
            throw new Refused(call, response.statusCode(), response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private String signature(String raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookKey, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
