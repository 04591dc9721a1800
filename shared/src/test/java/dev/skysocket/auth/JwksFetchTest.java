package dev.skysocket.auth;

import dev.skysocket.api.auth.Authorization;
import static dev.skysocket.auth.Tokens.claims;
import static dev.skysocket.auth.Tokens.sign;
import static dev.skysocket.auth.Tokens.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The issuer's key endpoint as it really behaves: down, broken, slow, rotating keys. */
class JwksFetchTest {
    private JwksServer jwks;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer();
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void keysAreFetchedOnceAndCachedAcrossConnections() {
        jwks.serve(new JWKSet(Tokens.RSA));
        var authorizer = new JwtAuthorizer(Tokens.settings(jwks.url()));
        for (int i = 0; i < 5; i++) {
            assertThat(authorizer.authorize(withToken(sign(Tokens.RSA, claims()))))
                    .isInstanceOf(Authorization.Allowed.class);
        }
        assertThat(jwks.requests()).isEqualTo(1);
    }

    @Test
    void aKeyEndpointAnswering500DeniesWithKeysUnavailable() {
        jwks.answer(500, "{\"error\":\"down\"}");
        assertThat(authorizeOnce()).isEqualTo(new Authorization.Denied("keys unavailable"));
    }

    @Test
    void aKeyEndpointAnsweringSomethingElseThanAKeySetDeniesWithKeysUnavailable() {
        jwks.answer(200, "<html>maintenance</html>");
        assertThat(authorizeOnce()).isEqualTo(new Authorization.Denied("keys unavailable"));
    }

    @Test
    void aKeySetOverTheSizeLimitIsNotRead() {
        jwks.answer(200, "{\"keys\":[],\"pad\":\"" + "x".repeat(JwtSettings.JWKS_SIZE_LIMIT) + "\"}");
        assertThat(authorizeOnce()).isEqualTo(new Authorization.Denied("keys unavailable"));
    }

    @Test
    void aKeyEndpointThatNeverAnswersCostsABoundedDelay() {
        jwks.hang();
        var authorizer = new JwtAuthorizer(Tokens.settings(jwks.url()).withJwksTimeout(Duration.ofMillis(200)));
        // Two attempts (one retry) of at most a 200 ms read each; the bound leaves room for a slow machine.
        var answer = CompletableFuture.supplyAsync(() -> authorizer.authorize(withToken(sign(Tokens.RSA, claims()))));
        assertThat(answer).succeedsWithin(5, TimeUnit.SECONDS)
                .isEqualTo(new Authorization.Denied("keys unavailable"));
        assertThat(jwks.requests()).isBetween(1, 2);
    }

    @Test
    void aKeyThatAppearsInTheSetAfterARotationIsAcceptedOnceTheSetIsRefreshed() {
        jwks.serve(new JWKSet(Tokens.RSA));
        var authorizer = new JwtAuthorizer(Tokens.settings(jwks.url()));
        assertThat(authorizer.authorize(withToken(sign(Tokens.RSA, claims()))))
                .isInstanceOf(Authorization.Allowed.class);

        jwks.serve(new JWKSet(List.of(Tokens.RSA, Tokens.ROTATED)));
        assertThat(authorizer.authorize(withToken(sign(Tokens.ROTATED, claims()))))
                .isEqualTo(new Authorization.Allowed("acme", "alice"));
        assertThat(jwks.requests()).isEqualTo(2);
        assertThat(authorizer.authorize(withToken(sign(Tokens.RSA, claims()))))
                .isInstanceOf(Authorization.Allowed.class);
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void aFloodOfUnknownKidsCannotMakeTheAuthorizerHammerTheKeyEndpoint() {
        jwks.serve(new JWKSet(Tokens.RSA));
        var authorizer = new JwtAuthorizer(Tokens.settings(jwks.url()));
        for (int i = 0; i < 20; i++) {
            assertThat(authorizer.authorize(withToken(sign(Tokens.ROTATED, claims()))))
                    .isInstanceOf(Authorization.Denied.class);
        }
        assertThat(jwks.requests()).isLessThanOrEqualTo(2);  // Nimbus: two fetches per 30 s at most
    }

    @Test
    void anEndpointThatComesBackServesKeysAgain() {
        jwks.answer(500, "");
        var authorizer = new JwtAuthorizer(Tokens.settings(jwks.url()));
        assertThat(authorizer.authorize(withToken(sign(Tokens.RSA, claims()))))
                .isEqualTo(new Authorization.Denied("keys unavailable"));
        jwks.serve(new JWKSet(Tokens.RSA));
        assertThat(authorizer.authorize(withToken(sign(Tokens.RSA, claims()))))
                .isInstanceOf(Authorization.Allowed.class);
    }

    private Authorization authorizeOnce() {
        return new JwtAuthorizer(Tokens.settings(jwks.url())).authorize(withToken(sign(Tokens.RSA, claims())));
    }
}
