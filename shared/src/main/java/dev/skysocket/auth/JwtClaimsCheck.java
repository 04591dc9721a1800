package dev.skysocket.auth;

import dev.skysocket.api.auth.Authorization;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Checks the claims of a token whose signature already verified: expiry (required), not-before, issuer,
 * audience, and the claims that name the user and the tenant. Answers the identity or the first failed check.
 */
final class JwtClaimsCheck {
    /** Tenants and users key DynamoDB items and travel in every connection item: keep them short. */
    static final int MAX_IDENTITY_CHARS = 256;

    private final JwtSettings settings;
    private final Clock clock;

    JwtClaimsCheck(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    Authorization check(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            return new Authorization.Denied("missing expiry");  // a token without exp would be good forever
        }
        if (!now.isBefore(expiry.toInstant().plus(settings.clockSkew()))) {
            return new Authorization.Denied("expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(settings.clockSkew()).isBefore(notBefore.toInstant())) {
            return new Authorization.Denied("not yet valid");
        }
        if (!settings.issuer().equals(claims.getIssuer())) {
            return new Authorization.Denied("wrong issuer");
        }
        if (!claims.getAudience().contains(settings.audience())) {
            return new Authorization.Denied("wrong audience");
        }
        String user = identity(claims.getClaim(settings.userClaim()));
        if (user == null) {
            return new Authorization.Denied("bad user claim");
        }
        if (settings.tenantClaim() == null) {
            return new Authorization.Allowed(settings.defaultTenant(), user);
        }
        String tenant = identity(claims.getClaim(settings.tenantClaim()));
        if (tenant == null) {
            return new Authorization.Denied("bad tenant claim");
        }
        return new Authorization.Allowed(tenant, user);
    }

    /** A non-blank string of sane length without control characters, or null. */
    private static String identity(Object claim) {
        if (!(claim instanceof String value) || value.isBlank() || value.length() > MAX_IDENTITY_CHARS) {
            return null;
        }
        return value.chars().anyMatch(Character::isISOControl) ? null : value;
    }
}
