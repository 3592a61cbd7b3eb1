package org.fieldsupport.logistics.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Verifies {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>} (DESIGN §8) with the shared secret read
 * from {@code logistics.webhook.secret-file} at start-up. Without a readable secret the service still runs (the
 * desk's shipments, returns and lockers do not depend on it) but refuses every webhook: one nobody can verify must
 * not be accepted.
 */
@ApplicationScoped
public class WebhookSignature {

    public static final String HEADER = "X-Signature";
    private static final Logger LOG = Logger.getLogger(WebhookSignature.class);
    private static final String PREFIX = "sha256=";

    @ConfigProperty(name = "logistics.webhook.secret-file")
    Path secretFile;

    private byte[] secret;

    void onStart(@Observes StartupEvent event) {
        String text = null;
        try {
            text = Files.readString(secretFile).trim();
        } catch (IOException e) {
            LOG.warnf("Cannot read the webhook secret file %s (logistics.webhook.secret-file, env "
                    + "WEBHOOK_SECRET_FILE): every carrier and locker webhook will be refused", secretFile);
            return;
        }
        if (text.isEmpty()) {
            LOG.warnf("The webhook secret file %s is empty: every carrier and locker webhook will be refused",
                    secretFile);
            return;
        }
        secret = text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Throws {@link InvalidSignature} unless {@code header} signs exactly {@code body}, or {@link NotConfigured}
     * when this instance has no secret to verify with.
     */
    public void verify(String header, byte[] body) {
        if (secret == null) {
            throw new NotConfigured();
        }
        if (header == null || !header.startsWith(PREFIX)) {
            throw new InvalidSignature();
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidSignature();
        }
        if (!MessageDigest.isEqual(given, sign(secret, body))) {
            throw new InvalidSignature();
        }
    }

    /** HMAC-SHA256 of {@code body} with {@code key}. */
    public static byte[] sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** This instance has no webhook secret: it cannot verify anything. */
    public static class NotConfigured extends RuntimeException {
        public NotConfigured() {
            super("no webhook secret configured", null, false, false);
        }
    }

    /** The signature is missing or does not match the body. */
    public static class InvalidSignature extends RuntimeException {
        public InvalidSignature() {
            super("missing or invalid webhook signature", null, false, false);
        }
    }
}
