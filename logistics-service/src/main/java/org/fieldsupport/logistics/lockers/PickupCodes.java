package org.fieldsupport.logistics.lockers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One-time pickup codes: eight random digits, shown once to whoever deposits, stored only as SHA-256 of the
 * deposit's id and the code (the id salts the small code space), compared in constant time.
 */
public final class PickupCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PickupCodes() {
    }

    public static String newCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    public static String hash(UUID depositId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((depositId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(UUID depositId, String code, String storedHash) {
        if (code == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(depositId, code).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
