package dev.skysocket.auth;

import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.api.auth.ConnectRequest;
import dev.skysocket.api.auth.Authorization;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.lang.System.Logger.Level;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Lets a client in when the query parameter {@link JwtSettings#tokenParam()} holds a JWT that its issuer signed
 * (RS256 or ES256, checked against the issuer's JWKS) and whose claims pass {@link JwtClaimsCheck}. The user
 * and tenant come from the claims named in the settings.
 * Every refusal is a {@link Authorization.Denied} with a short fixed reason; nothing is thrown. Only a key
 * endpoint that cannot be reached is logged here: everything else is the client's fault, logged by the caller.
 */
public final class JwtAuthorizer implements ConnectAuthorizer {
    private static final System.Logger LOG = System.getLogger(JwtAuthorizer.class.getName());
    /**
     * Asymmetric only: never {@code none}, and never HS*, which would let anyone holding the issuer's public key
     * (everyone) sign tokens if a verifier took that key as an HMAC secret.
     */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private static final Authorization MISSING = new Authorization.Denied("missing token");
    private static final Authorization OVERSIZE = new Authorization.Denied("oversize token");
    private static final Authorization MALFORMED = new Authorization.Denied("malformed token");
    private static final Authorization ALGORITHM = new Authorization.Denied("unsupported algorithm");
    private static final Authorization UNKNOWN_KEY = new Authorization.Denied("unknown key");
    private static final Authorization NO_KEYS = new Authorization.Denied("keys unavailable");
    private static final Authorization BAD_SIGNATURE = new Authorization.Denied("bad signature");

    private final JwtSettings settings;
    private final JWSVerificationKeySelector<SecurityContext> keys;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    private final JwtClaimsCheck claimsCheck;

    /** Checks tokens against the keys published at {@link JwtSettings#jwksUrl()}, fetched on first use. */
    public JwtAuthorizer(JwtSettings settings) {
        this(settings, JwksKeySource.of(settings), Clock.systemUTC());
    }

    JwtAuthorizer(JwtSettings settings, JWKSource<SecurityContext> keySource, Clock clock) {
        this.settings = settings;
        this.keys = new JWSVerificationKeySelector<>(ALGORITHMS, keySource);
        this.claimsCheck = new JwtClaimsCheck(settings, clock);
    }

    @Override
    public Set<String> credentialParameters() {
        return Set.of(settings.tokenParam());
    }

    @Override
    public Authorization authorize(ConnectRequest request) {
        String token = request.queryParameter(settings.tokenParam()).orElse("").strip();
        if (token.isEmpty()) {
            return MISSING;
        }
        // Refused before any parsing: base64 and JSON work grows with the input.
        if (token.length() > JwtSettings.MAX_TOKEN_CHARS) {
            return OVERSIZE;
        }
        try {
            return check(token);
        } catch (RuntimeException unexpected) {
            // A parser fault must cost this one connection, never the authorizer: no token in the line.
            LOG.log(Level.WARNING, "event=jwt_check_failed error={0}", unexpected.getClass().getName());
            return MALFORMED;
        }
    }

    /** The checks without the catch-all guard, so the fuzz target sees any exception they throw. */
    Authorization check(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            return MALFORMED;
        }
        // A PlainJWT (alg none) or an encrypted JWT is never accepted.
        if (!(parsed instanceof SignedJWT jwt)) {
            return ALGORITHM;
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            return ALGORITHM;
        }
        List<Key> candidates;
        try {
            // Matches kid, key type and curve to the header; an unknown kid refreshes the cached key set once.
            candidates = keys.selectJWSKeys(header, null);
        } catch (RateLimitReachedException e) {
            // Nimbus refused a third fetch within its interval (a flood of unknown kids, or an endpoint already
            // reported down): the keys are still unavailable, but the line would only repeat the last one.
            LOG.log(Level.DEBUG, "event=jwks_rate_limited url={0}", settings.jwksUrl());
            return NO_KEYS;
        } catch (KeySourceException e) {
            LOG.log(Level.WARNING, "event=jwks_unavailable url={0} error={1}", settings.jwksUrl(), e.getMessage());
            return NO_KEYS;
        }
        if (candidates.isEmpty()) {
            return UNKNOWN_KEY;
        }
        if (!verified(jwt, header, candidates)) {
            return BAD_SIGNATURE;
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return MALFORMED;
        }
        return claimsCheck.check(claims);
    }

    private boolean verified(SignedJWT jwt, JWSHeader header, List<Key> candidates) {
        for (Key key : candidates) {
            try {
                if (jwt.verify(verifiers.createJWSVerifier(header, key))) {
                    return true;
                }
            } catch (JOSEException e) {
                // a key that cannot check this signature (wrong size, malformed signature): try the next one
            }
        }
        return false;
    }
}
