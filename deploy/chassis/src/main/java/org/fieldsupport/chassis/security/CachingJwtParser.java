package org.fieldsupport.chassis.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokens} in front of the parser that Quarkus' bearer-token authentication calls for every request
 * ({@code parse(token)} with the service's configured issuer and key). The other operations, which take a key or
 * context of their caller's choosing, are not decorated: the class is abstract, so CDI passes them to the parser.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens verifiedTokens;

    @Inject
    public CachingJwtParser(@Delegate @Any JWTParser parser,
            @ConfigProperty(name = "platform.verified-tokens.max-entries", defaultValue = "1000") int maxEntries,
            @ConfigProperty(name = "platform.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge) {
        this.parser = parser;
        this.verifiedTokens = new VerifiedTokens(maxEntries, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verifiedTokens.verify(token, parser::parse);
    }
}
