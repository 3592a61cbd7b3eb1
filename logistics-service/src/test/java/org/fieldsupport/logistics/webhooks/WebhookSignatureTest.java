package org.fieldsupport.logistics.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSignatureTest {

    @Test
    void hmacSha256MatchesTheRfc4231TestVector() {
        byte[] mac = WebhookSignature.sign("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void onlyTheExactBodySignedWithTheSecretVerifies(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("webhook.key");
        Files.writeString(file, "s3cret\n");
        WebhookSignature signature = new WebhookSignature();
        signature.secretFile = file;
        signature.onStart(null);
        byte[] body = "{\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8);
        String good = "sha256=" + HexFormat.of().formatHex(WebhookSignature.sign(
                "s3cret".getBytes(StandardCharsets.UTF_8), body));

        assertThatCode(() -> signature.verify(good, body)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(good.toUpperCase().replace("SHA256=", "sha256="), body))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> signature.verify(good, "{\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookSignature.InvalidSignature.class);
        assertThatThrownBy(() -> signature.verify(null, body)).isInstanceOf(WebhookSignature.InvalidSignature.class);
        assertThatThrownBy(() -> signature.verify("sha256=zz", body))
                .isInstanceOf(WebhookSignature.InvalidSignature.class);
        assertThatThrownBy(() -> signature.verify(good.replace("sha256=", "sha1="), body))
                .isInstanceOf(WebhookSignature.InvalidSignature.class);
    }

    @Test
    void withoutASecretEveryWebhookIsRefused(@TempDir Path dir) throws IOException {
        WebhookSignature missing = new WebhookSignature();
        missing.secretFile = dir.resolve("absent.key");
        missing.onStart(null);
        assertThatThrownBy(() -> missing.verify("sha256=" + "0".repeat(64), new byte[0]))
                .isInstanceOf(WebhookSignature.NotConfigured.class);

        Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "\n");
        WebhookSignature blank = new WebhookSignature();
        blank.secretFile = empty;
        blank.onStart(null);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signedWithNothing = "sha256=" + HexFormat.of().formatHex(WebhookSignature.sign(new byte[] {0}, body));
        assertThatThrownBy(() -> blank.verify(signedWithNothing, body))
                .isInstanceOf(WebhookSignature.NotConfigured.class);
    }
}
