package org.fieldsupport.logistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A fresh random webhook secret in a temporary file for the test JVM, as the launcher writes one for the platform. */
public class WebhookSecretTestResource implements QuarkusTestResourceLifecycleManager {

    private Path file;

    @Override
    public Map<String, String> start() {
        try {
            file = Files.createTempFile("logistics-webhook-", ".key");
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("logistics.webhook.secret-file", file.toString());
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }
}
