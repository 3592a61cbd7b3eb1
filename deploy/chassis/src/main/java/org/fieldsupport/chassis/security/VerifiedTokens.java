package org.fieldsupport.chassis.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens whose signature and claims were already verified, so that a client sending the same token on every
 * request (a desk tool, a technician's app) pays the RS256 check once instead of on each call: under load the check was
 * half of ticket-service's CPU. A token stays here until it expires or {@code maxAge} has passed, whichever comes first
 * (so a key rotated away stops being honoured within {@code maxAge}); tokens that fail verification are never kept.
 */
public final class VerifiedTokens {

    /** The verification being saved: smallrye-jwt's parser. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> verified;
    private final Clock clock;

    /**
     * {@code clock} reads a token's expiry (epoch seconds); {@code ticker} measures how long an entry has been kept
     * (monotonic, so a wall-clock step back cannot stretch a token's stay).
     */
    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock, Ticker ticker) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                .expireAfter(untilExpiryOrMaxAge(maxAge.toNanos()))
                .build();
    }

    /** The verified token: from the cache, or from {@code verifier}, whose refusal is passed on and not remembered. */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        try {
            return verified.get(token, key -> {
                try {
                    return verifier.verify(key);
                } catch (ParseException refused) {
                    throw new CompletionException(refused);
                }
            });
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof ParseException refused) {
                throw refused;
            }
            throw failure;
        }
    }

    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private Expiry<String, JsonWebToken> untilExpiryOrMaxAge(long maxAgeNanos) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
                long untilExpiry = Duration.ofMillis(jwt.getExpirationTime() * 1000 - clock.millis()).toNanos();
                return Math.max(0, Math.min(untilExpiry, maxAgeNanos));
            }

            @Override
            public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
