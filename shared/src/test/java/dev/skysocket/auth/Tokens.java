package dev.skysocket.auth;

import dev.skysocket.api.auth.ConnectRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Real key pairs made once per run, and tokens signed with them the way an issuer would. Public for the modules
 * that run the authorizer behind API Gateway (functions, the local emulator).
 */
public final class Tokens {
    public static final String ISSUER = "https://issuer.example/pool-1";
    public static final String AUDIENCE = "skysocket-test-client";
    public static final RSAKey RSA = rsa("rsa-1");
    /** Another key pair published under the same kid: its signatures must not pass for {@link #RSA}'s. */
    public static final RSAKey IMPOSTOR = rsa("rsa-1");
    public static final RSAKey ROTATED = rsa("rsa-2");
    public static final ECKey EC = ec("ec-1");

    private Tokens() {
    }

    /** Settings for an issuer whose keys are at {@code jwks}; the tenant comes from the claim {@code tenant}. */
    public static JwtSettings settings(URI jwks) {
        return new JwtSettings(ISSUER, AUDIENCE, jwks, "tenant", "sub", "token", Duration.ofSeconds(60),
                "default", Duration.ofMillis(300));
    }

    /** Claims that pass every check: tenant {@code acme}, user {@code alice}, expiring in five minutes. */
    public static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("alice")
                .claim("tenant", "acme").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    public static String sign(JWK key, JWTClaimsSet claims) {
        try {
            JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
            jwt.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(JWK key, JWTClaimsSet.Builder claims) {
        return sign(key, claims.build());
    }

    /** A compact JWS with any header and payload JSON and a signature of garbage. */
    public static String forged(String headerJson, String payloadJson, String signature) {
        return Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    public static ConnectRequest withToken(String token) {
        return new ConnectRequest(Map.of("EIO", "4", "transport", "websocket", "token", token), Map.of(),
                "192.0.2.1");
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
