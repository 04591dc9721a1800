package dev.skysocket.it;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.skysocket.auth.JwksServer;
import dev.skysocket.auth.Tokens;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The JWT authorizer with test keys, as deployed on both paths: the public half of {@link Tokens#RSA} served on
 * loopback, the settings that point the stack's authorizer at it, and the tokens it accepts.
 */
final class JwtKeys implements AutoCloseable {
    private final JwksServer jwks;

    JwtKeys() throws IOException {
        this.jwks = new JwksServer().serve(new JWKSet(Tokens.RSA));
    }

    /** The stack's JWT settings: issuer, audience, these keys, and the tenant from the {@code tenant} claim. */
    Map<String, String> settings() {
        return Map.of(
                "skysocket.jwt-issuer", Tokens.ISSUER,
                "skysocket.jwt-audience", Tokens.AUDIENCE,
                "skysocket.jwt-jwks-url", jwks.url().toString(),
                "skysocket.jwt-tenant-claim", "tenant");
    }

    /** A token for {@code user} of {@code tenant}, valid for five minutes. */
    static String token(String tenant, String user) {
        return signed(Tokens.RSA, tenant, user);
    }

    /** The same token signed by a key these keys do not hold ({@link Tokens#IMPOSTOR}). */
    static String forged(String tenant, String user) {
        return signed(Tokens.IMPOSTOR, tenant, user);
    }

    private static String signed(RSAKey key, String tenant, String user) {
        return Tokens.sign(key, Tokens.claims().subject(user).claim("tenant", tenant)
                .expirationTime(Date.from(Instant.now().plusSeconds(300))));
    }

    @Override
    public void close() {
        jwks.close();
    }
}
