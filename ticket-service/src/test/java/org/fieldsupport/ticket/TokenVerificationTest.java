package org.fieldsupport.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.TestTokens;

/** The bearer-token check as requests go through it: verified once per token, refusals never remembered. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ticket_service"))
class TokenVerificationTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenAlreadyVerifiedIsNotVerifiedAgain() throws ParseException {
        String token = TestTokens.forSubject("agent-cached", "desk-agent");

        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void aForgedOrExpiredTokenIsRefusedEveryTime() throws Exception {
        String forged = TestTokens.signedByAnotherKey("desk-agent", Files.createTempDirectory("other-keys"));
        String expired = TestTokens.expired("desk-agent");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
            given().auth().oauth2(forged).get("/tickets").then().statusCode(401);
            given().auth().oauth2(expired).get("/tickets").then().statusCode(401);
        }
    }

    @Test
    void aValidTokenStillCarriesItsRoles() {
        String token = TestTokens.forRole("technician");

        given().auth().oauth2(token).get("/tickets").then().statusCode(403);
        given().auth().oauth2(token).get("/tickets").then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole("desk-agent")).get("/tickets?site=STRASBOURG").then()
                .statusCode(200);
    }
}
