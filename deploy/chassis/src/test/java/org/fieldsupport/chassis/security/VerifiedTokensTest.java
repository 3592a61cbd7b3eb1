package org.fieldsupport.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

    /** A wall clock and a monotonic ticker that move together, as the real ones do. */
    private static final class FakeTime extends Clock implements Ticker {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long read() {
            return Duration.between(START, now).toNanos();
        }
    }

    private record Token(String name, Instant expiresAt) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T getClaim(String claimName) {
            return (T) switch (claimName) {
                case "sub" -> name;
                case "exp" -> Long.valueOf(expiresAt.getEpochSecond());
                default -> null;
            };
        }
    }

    private final FakeTime time = new FakeTime();
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(2, Duration.ofMinutes(5), time, time);

    private VerifiedTokens.Verifier expiringIn(Duration lifetime) {
        return token -> {
            verifications.incrementAndGet();
            return new Token(token, time.instant().plus(lifetime));
        };
    }

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsValid() throws ParseException {
        JsonWebToken first = tokens.verify("desk-agent-token", expiringIn(Duration.ofHours(1)));
        time.advance(Duration.ofMinutes(4));

        assertThat(tokens.verify("desk-agent-token", expiringIn(Duration.ofHours(1)))).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasExpired() throws ParseException {
        tokens.verify("short-lived", expiringIn(Duration.ofSeconds(30)));
        time.advance(Duration.ofSeconds(31));

        assertThatThrownBy(() -> tokens.verify("short-lived", token -> {
            verifications.incrementAndGet();
            throw new ParseException("expired");
        })).hasMessage("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAgeSoThatARotatedKeyStopsCounting() throws ParseException {
        tokens.verify("long-lived", expiringIn(Duration.ofDays(1)));
        time.advance(Duration.ofMinutes(5).plusSeconds(1));

        tokens.verify("long-lived", expiringIn(Duration.ofDays(1)));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsPassedOnAndNotRemembered() {
        VerifiedTokens.Verifier refusing = token -> {
            verifications.incrementAndGet();
            throw new ParseException("bad signature");
        };

        assertThatThrownBy(() -> tokens.verify("forged", refusing)).isInstanceOf(ParseException.class)
                .hasMessage("bad signature");
        assertThatThrownBy(() -> tokens.verify("forged", refusing)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theCacheHoldsNoMoreThanItsBound() throws ParseException {
        for (int i = 0; i < 50; i++) {
            tokens.verify("token-" + i, expiringIn(Duration.ofHours(1)));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(2);
    }
}
