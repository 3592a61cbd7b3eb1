package org.fieldsupport.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets kept in files readable by their owner only (webhook key, database passwords). */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** Reads the secret in {@code file}, creating a random 256-bit one there if it does not exist. */
    public static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            Files.writeString(file, secret + "\n");
            JwtKeys.restrictToOwner(file);
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the secret " + file, e);
        }
    }
}
