package org.fieldsupport.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.fieldsupport.infra.JwtKeys;

/** Bearer tokens signed with the test JVM's key, as the identity provider would issue them. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String forRole(String role) {
        return forSubject("test-" + role, role);
    }

    public static String forSubject(String subject, String... roles) {
        return JwtKeys.loadOrCreate(TestInfrastructure.keysDir()).issue(subject, List.of(roles), Duration.ofHours(1));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByAnotherKey(String role, Path otherKeysDir) {
        return JwtKeys.loadOrCreate(otherKeysDir).issue("intruder", List.of(role), Duration.ofHours(1));
    }

    /** A token that expired a minute ago, signed by the trusted key. */
    public static String expired(String role) {
        return JwtKeys.loadOrCreate(TestInfrastructure.keysDir()).issue("test-" + role, List.of(role),
                Duration.ofMinutes(-1));
    }
}
