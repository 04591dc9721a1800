package dev.skysocket.auth;

import dev.skysocket.api.auth.ConnectRequest;
import dev.skysocket.api.auth.Authorization;
import static dev.skysocket.auth.Tokens.claims;
import static dev.skysocket.auth.Tokens.sign;
import static dev.skysocket.auth.Tokens.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens signed with real keys, checked against a JWKS served on loopback, one refusal reason per case. */
class JwtAuthorizerTest {
    private static JwksServer jwks;
    private static JwtAuthorizer authorizer;

    @BeforeAll
    static void issuer() throws Exception {
        jwks = new JwksServer().serve(new JWKSet(List.of(Tokens.RSA, Tokens.EC)));
        authorizer = new JwtAuthorizer(Tokens.settings(jwks.url()));
    }

    @AfterAll
    static void stop() {
        jwks.close();
    }

    @Test
    void aValidRs256TokenLetsTheUserIntoTheTenantItNames() {
        assertThat(authorizer.authorize(withToken(sign(Tokens.RSA, claims()))))
                .isEqualTo(new Authorization.Allowed("acme", "alice"));
    }

    @Test
    void aValidEs256TokenIsAcceptedToo() {
        assertThat(authorizer.authorize(withToken(sign(Tokens.EC, claims().subject("bob")))))
                .isEqualTo(new Authorization.Allowed("acme", "bob"));
    }

    @Test
    void anAudienceListThatContainsOursIsAccepted() {
        String token = sign(Tokens.RSA, claims().audience(List.of("other-api", Tokens.AUDIENCE)));
        assertThat(authorizer.authorize(withToken(token))).isInstanceOf(Authorization.Allowed.class);
    }

    @Test
    void withoutATenantClaimSettingEveryoneLandsInTheDefaultTenant() {
        JwtSettings s = Tokens.settings(jwks.url());
        var noTenantClaim = new JwtAuthorizer(new JwtSettings(s.issuer(), s.audience(), s.jwksUrl(), null,
                s.userClaim(), s.tokenParam(), s.clockSkew(), "main", s.jwksTimeout()));
        assertThat(noTenantClaim.authorize(withToken(sign(Tokens.RSA, claims().claim("tenant", null)))))
                .isEqualTo(new Authorization.Allowed("main", "alice"));
    }

    @Test
    void theTokenIsReadFromTheConfiguredQueryParameter() {
        JwtSettings s = Tokens.settings(jwks.url());
        var custom = new JwtAuthorizer(new JwtSettings(s.issuer(), s.audience(), s.jwksUrl(), s.tenantClaim(),
                s.userClaim(), "access_token", s.clockSkew(), s.defaultTenant(), s.jwksTimeout()));
        String token = sign(Tokens.RSA, claims());
        assertThat(custom.authorize(new ConnectRequest(Map.of("access_token", token), Map.of(), null)))
                .isInstanceOf(Authorization.Allowed.class);
        assertThat(custom.authorize(withToken(token))).isEqualTo(new Authorization.Denied("missing token"));
    }

    @Test
    void anExpiredTokenIsDenied() {
        Instant past = Instant.now().minusSeconds(600);
        assertThat(deny(sign(Tokens.RSA, claims().expirationTime(Date.from(past))))).isEqualTo("expired");
    }

    @Test
    void aTokenThatExpiredWithinTheClockSkewIsStillAccepted() {
        Instant justNow = Instant.now().minusSeconds(30);
        String token = sign(Tokens.RSA, claims().expirationTime(Date.from(justNow)));
        assertThat(authorizer.authorize(withToken(token))).isInstanceOf(Authorization.Allowed.class);
    }

    @Test
    void aTokenWithoutExpiryIsDenied() {
        assertThat(deny(sign(Tokens.RSA, claims().expirationTime(null)))).isEqualTo("missing expiry");
    }

    @Test
    void aTokenNotYetValidIsDenied() {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(deny(sign(Tokens.RSA, claims().notBeforeTime(Date.from(later))))).isEqualTo("not yet valid");
    }

    @Test
    void aTokenForAnotherAudienceIsDenied() {
        assertThat(deny(sign(Tokens.RSA, claims().audience("another-client")))).isEqualTo("wrong audience");
        assertThat(deny(sign(Tokens.RSA, claims().audience((String) null)))).isEqualTo("wrong audience");
    }

    @Test
    void aTokenFromAnotherIssuerIsDenied() {
        assertThat(deny(sign(Tokens.RSA, claims().issuer("https://evil.example")))).isEqualTo("wrong issuer");
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheSameKidIsDenied() {
        assertThat(deny(sign(Tokens.IMPOSTOR, claims()))).isEqualTo("bad signature");
    }

    @Test
    void aTokenWhosePayloadWasAlteredAfterSigningIsDenied() {
        String[] parts = sign(Tokens.RSA, claims()).split("\\.");
        String other = sign(Tokens.RSA, claims().subject("mallory")).split("\\.")[1];
        assertThat(deny(parts[0] + "." + other + "." + parts[2])).isEqualTo("bad signature");
    }

    @Test
    void aTokenWithAnUnknownKidIsDenied() {
        assertThat(deny(sign(Tokens.ROTATED, claims()))).isEqualTo("unknown key");
    }

    @Test
    void anUnsignedTokenIsDenied() {
        assertThat(deny(new PlainJWT(claims().build()).serialize())).isEqualTo("unsupported algorithm");
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsDenied() throws JOSEException {
        // The classic confusion: an attacker MACs with the (public) RSA key as secret and names the real kid.
        byte[] publicKey = Tokens.RSA.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims().build());
        jwt.sign(new MACSigner(publicKey));
        assertThat(deny(jwt.serialize())).isEqualTo("unsupported algorithm");
    }

    @Test
    void anRs512TokenIsDeniedEvenWithAKnownKey() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("rsa-1").build(),
                claims().build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(Tokens.RSA));
        assertThat(deny(jwt.serialize())).isEqualTo("unsupported algorithm");
    }

    @Test
    void aMissingOrEmptyTokenIsDenied() {
        assertThat(authorizer.authorize(new ConnectRequest(Map.of("EIO", "4"), Map.of(), null)))
                .isEqualTo(new Authorization.Denied("missing token"));
        assertThat(deny("")).isEqualTo("missing token");
        assertThat(deny("   ")).isEqualTo("missing token");
    }

    @Test
    void aTokenOverTheSizeCapIsDeniedBeforeParsing() {
        String token = sign(Tokens.RSA, claims().claim("padding", "x".repeat(JwtSettings.MAX_TOKEN_CHARS)));
        assertThat(deny(token)).isEqualTo("oversize token");
    }

    @Test
    void aTenantClaimThatIsMissingBlankTooLongOrNotAStringIsDenied() {
        assertThat(deny(sign(Tokens.RSA, claims().claim("tenant", null)))).isEqualTo("bad tenant claim");
        assertThat(deny(sign(Tokens.RSA, claims().claim("tenant", " ")))).isEqualTo("bad tenant claim");
        assertThat(deny(sign(Tokens.RSA, claims().claim("tenant", 42)))).isEqualTo("bad tenant claim");
        assertThat(deny(sign(Tokens.RSA, claims().claim("tenant", List.of("acme"))))).isEqualTo("bad tenant claim");
        assertThat(deny(sign(Tokens.RSA, claims().claim("tenant", "a".repeat(257))))).isEqualTo("bad tenant claim");
        assertThat(deny(sign(Tokens.RSA, claims().claim("tenant", "ac\nme")))).isEqualTo("bad tenant claim");
    }

    @Test
    void aUserClaimThatIsMissingIsDenied() {
        assertThat(deny(sign(Tokens.RSA, claims().subject(null)))).isEqualTo("bad user claim");
    }

    private static String deny(String token) {
        Authorization answer = authorizer.authorize(withToken(token));
        assertThat(answer).isInstanceOf(Authorization.Denied.class);
        return ((Authorization.Denied) answer).reason();
    }
}
