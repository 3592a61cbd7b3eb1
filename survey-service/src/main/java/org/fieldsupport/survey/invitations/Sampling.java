package org.fieldsupport.survey.invitations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Whether a ticket is in the survey sample: the first 8 bytes of SHA-256(seed + ":" + ticketId), read as a number
 * in [0, 1), below the rate. Deterministic, so a replay of the same events samples the same tickets; the seed lets
 * a new sample be drawn for another period.
 */
public final class Sampling {

    private Sampling() {
    }

    public static boolean selected(UUID ticketId, double rate, String seed) {
        if (rate >= 1) {
            return true;
        }
        if (rate <= 0) {
            return false;
        }
        return draw(ticketId, seed) < rate;
    }

    static double draw(UUID ticketId, String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + ticketId).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(digest, 0, 8).getLong() >>> 11;
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
