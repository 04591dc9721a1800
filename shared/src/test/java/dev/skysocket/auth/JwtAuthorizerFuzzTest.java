package dev.skysocket.auth;

import dev.skysocket.api.auth.Authorization;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Jazzer target: any string in the token parameter is denied, and the checks never throw (the unguarded
 * {@link JwtAuthorizer#check} is called, so the catch-all in {@code authorize} cannot hide a finding). Without
 * JAZZER_FUZZ it replays the seeds under {@code JwtAuthorizerFuzzTestInputs}; keys are in memory, so no fetch.
 */
class JwtAuthorizerFuzzTest {
    private static final JwtAuthorizer AUTHORIZER = new JwtAuthorizer(
            Tokens.settings(URI.create("https://issuer.example/jwks.json")),
            new ImmutableJWKSet<>(new JWKSet(List.of(Tokens.RSA, Tokens.EC))), Clock.systemUTC());

    @FuzzTest(maxDuration = "10s")
    void anyTokenIsDeniedWithoutAnException(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        assertThat(AUTHORIZER.check(token)).isInstanceOf(Authorization.Denied.class);
        assertThat(AUTHORIZER.authorize(Tokens.withToken(token))).isInstanceOf(Authorization.Denied.class);
    }
}
