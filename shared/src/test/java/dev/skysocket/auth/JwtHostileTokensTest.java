package dev.skysocket.auth;

import dev.skysocket.api.auth.Authorization;
import static dev.skysocket.auth.Tokens.claims;
import static dev.skysocket.auth.Tokens.forged;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §9 for tokens: each hostile input is refused with a reason, never an exception, and never reaches a
 * key fetch it could steer (keys come only from the configured JWKS, never from the token's own header).
 */
class JwtHostileTokensTest {
    private static final JwtAuthorizer AUTHORIZER = new JwtAuthorizer(
            Tokens.settings(URI.create("https://issuer.example/jwks.json")),
            new ImmutableJWKSet<>(new JWKSet(List.of(Tokens.RSA, Tokens.EC))), Clock.systemUTC());
    private static final String CLAIMS = claims().build().toString();
    private static final String SIG = "c2lnbmF0dXJl";

    static Stream<Arguments> hostileTokens() {
        return Stream.of(
                Arguments.of("garbage", "not a token", "malformed token"),
                Arguments.of("dots only", "..", "malformed token"),
                Arguments.of("two parts", "eyJhbGciOiJSUzI1NiJ9.e30", "malformed token"),
                Arguments.of("header not base64", "%%%." + SIG + "." + SIG, "malformed token"),
                Arguments.of("header not JSON", forged("RS256", CLAIMS, SIG), "malformed token"),
                Arguments.of("header a JSON array", forged("[\"RS256\"]", CLAIMS, SIG), "malformed token"),
                Arguments.of("header deeply nested", forged("{\"alg\":\"RS256\",\"x\":" + "[".repeat(2000)
                        + "]".repeat(2000) + "}", CLAIMS, SIG), "malformed token"),
                Arguments.of("no alg", forged("{\"kid\":\"rsa-1\"}", CLAIMS, SIG), "malformed token"),
                Arguments.of("alg none with a signature", forged("{\"alg\":\"none\"}", CLAIMS, SIG),
                        "malformed token"),
                Arguments.of("alg none", forged("{\"alg\":\"none\"}", CLAIMS, ""), "unsupported algorithm"),
                Arguments.of("alg NONE", forged("{\"alg\":\"NONE\",\"kid\":\"rsa-1\"}", CLAIMS, SIG),
                        "unsupported algorithm"),
                Arguments.of("alg HS256", forged("{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}", CLAIMS, SIG),
                        "unsupported algorithm"),
                Arguments.of("alg of a number", forged("{\"alg\":256}", CLAIMS, SIG), "malformed token"),
                Arguments.of("JWE shape", "a.b.c.d.e", "malformed token"),
                Arguments.of("empty signature", forged("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", CLAIMS, ""),
                        "malformed token"),
                Arguments.of("garbage signature", forged("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", CLAIMS, SIG),
                        "bad signature"),
                Arguments.of("ES256 signature of the wrong length",
                        forged("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}", CLAIMS, SIG), "bad signature"),
                Arguments.of("ES256 header naming an RSA key",
                        forged("{\"alg\":\"ES256\",\"kid\":\"rsa-1\"}", CLAIMS, SIG), "unknown key"),
                Arguments.of("huge kid", forged("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(5000) + "\"}",
                        CLAIMS, SIG), "unknown key"),
                Arguments.of("unknown critical header",
                        signedWithHeader("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"x\"],\"x\":1}"),
                        "bad signature"),
                Arguments.of("attacker key embedded in the header", selfSignedWithEmbeddedKey(), "bad signature"),
                Arguments.of("attacker key set URL in the header", signedWithHeader(
                        "{\"alg\":\"RS256\",\"kid\":\"rsa-2\",\"jku\":\"https://evil.example/jwks.json\"}"),
                        "unknown key"),
                Arguments.of("NUL bytes", "\u0000.\u0000.\u0000", "malformed token"),
                Arguments.of("one char over the cap", "a".repeat(JwtSettings.MAX_TOKEN_CHARS + 1), "oversize token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedWithAReasonAndNoException(String what, String token, String reason) {
        assertThat(AUTHORIZER.check(token)).isInstanceOf(Authorization.Denied.class);  // unguarded: must not throw
        assertThat(AUTHORIZER.authorize(Tokens.withToken(token))).isEqualTo(new Authorization.Denied(reason));
    }

    /** Signed by the attacker's own key, which also travels in the header's {@code jwk} under the real kid. */
    private static String selfSignedWithEmbeddedKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                    .jwk(Tokens.IMPOSTOR.toPublicJWK()).build(), claims().build());
            jwt.sign(new RSASSASigner(Tokens.IMPOSTOR));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Really signed by {@link Tokens#RSA} (or the rotated key for other kids) over a hand-written header. */
    private static String signedWithHeader(String headerJson) {
        try {
            var header = JWSHeader.parse(headerJson);
            var key = "rsa-2".equals(header.getKeyID()) ? Tokens.ROTATED : Tokens.RSA;
            SignedJWT jwt = new SignedJWT(header, claims().build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
