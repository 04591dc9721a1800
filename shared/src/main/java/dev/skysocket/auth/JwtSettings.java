package dev.skysocket.auth;

import dev.skysocket.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How {@link JwtAuthorizer} checks tokens. Every value is checked here, so a bad setup fails at start with the
 * setting's name in the message, never on the first connection.
 *
 * @param issuer        {@code skysocket.jwt-issuer}: the exact {@code iss} of accepted tokens; setting it turns
 *                      JWT authentication on
 * @param audience      {@code skysocket.jwt-audience}, required: a value {@code aud} must contain (the app client
 *                      id for Cognito ID tokens; Cognito access tokens carry no {@code aud} and are refused)
 * @param jwksUrl       {@code skysocket.jwt-jwks-url}; default {@code <issuer>/.well-known/jwks.json}, where
 *                      Cognito user pools and most OpenID providers publish their keys. https only, except
 *                      for a loopback host (local runs, tests)
 * @param tenantClaim   {@code skysocket.jwt-tenant-claim}: the claim naming the tenant; null (the default) puts
 *                      every connection in the default tenant
 * @param userClaim     {@code skysocket.jwt-user-claim}, default {@code sub}
 * @param tokenParam    {@code skysocket.jwt-token-param}: the query parameter carrying the token, default
 *                      {@code token}
 * @param clockSkew     {@code skysocket.jwt-clock-skew-s}, default 60 s, at most 300 s: leeway on {@code exp}
 *                      and {@code nbf} for clocks that disagree
 * @param defaultTenant {@code skysocket.default-tenant}, default {@code default}
 * @param jwksTimeout   connect and read timeout of one JWKS fetch, 1 s: a down key endpoint must cost a
 *                      {@code $connect} a bounded delay, never the client's whole 20 s handshake budget
 */
public record JwtSettings(String issuer, String audience, URI jwksUrl, String tenantClaim, String userClaim,
                          String tokenParam, Duration clockSkew, String defaultTenant, Duration jwksTimeout) {
    public static final String ISSUER = "skysocket.jwt-issuer";
    public static final String AUDIENCE = "skysocket.jwt-audience";
    public static final String JWKS_URL = "skysocket.jwt-jwks-url";
    public static final String TENANT_CLAIM = "skysocket.jwt-tenant-claim";
    public static final String USER_CLAIM = "skysocket.jwt-user-claim";
    public static final String TOKEN_PARAM = "skysocket.jwt-token-param";
    public static final String CLOCK_SKEW_S = "skysocket.jwt-clock-skew-s";
    public static final String DEFAULT_TENANT = "skysocket.default-tenant";

    /** Tokens longer than this are refused before parsing; real ones are 1-4 KB. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** A JWKS document larger than this is refused; a provider's key set is a few KB. */
    public static final int JWKS_SIZE_LIMIT = 64 * 1024;
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration MAX_JWKS_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public JwtSettings {
        require(issuer, ISSUER, "");
        require(audience, AUDIENCE, " with " + ISSUER + " (tokens minted for another audience must not get in)");
        require(userClaim, USER_CLAIM, "");
        require(tokenParam, TOKEN_PARAM, "");
        require(defaultTenant, DEFAULT_TENANT, "");
        if (tenantClaim != null && tenantClaim.isBlank()) {
            tenantClaim = null;
        }
        checkJwksUrl(jwksUrl);
        if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("setting " + CLOCK_SKEW_S + " (" + Settings.envName(CLOCK_SKEW_S)
                    + ") must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " seconds, got " + clockSkew);
        }
        if (jwksTimeout == null || jwksTimeout.isNegative() || jwksTimeout.isZero()
                || jwksTimeout.compareTo(MAX_JWKS_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the JWKS timeout must be positive and at most " + MAX_JWKS_TIMEOUT);
        }
    }

    /** Whether {@code settings} turn JWT authentication on (an issuer is set). */
    public static boolean configured(Settings settings) {
        return settings.string(ISSUER, null) != null;
    }

    /** Reads and checks the settings; fails with the setting's name when one is missing or malformed. */
    public static JwtSettings from(Settings settings) {
        String issuer = settings.string(ISSUER, null);
        require(issuer, ISSUER, "");
        String jwks = settings.string(JWKS_URL, stripTrailingSlash(issuer) + "/.well-known/jwks.json");
        URI jwksUrl;
        try {
            jwksUrl = new URI(jwks);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("setting " + JWKS_URL + " (" + Settings.envName(JWKS_URL)
                    + ") is not a URL: '" + jwks + "'");
        }
        return new JwtSettings(issuer, settings.string(AUDIENCE, null), jwksUrl,
                settings.string(TENANT_CLAIM, null), settings.string(USER_CLAIM, "sub"),
                settings.string(TOKEN_PARAM, "token"), Duration.ofSeconds(settings.longValue(CLOCK_SKEW_S, 60)),
                settings.string(DEFAULT_TENANT, "default"), Duration.ofSeconds(1));
    }

    /** These settings with another JWKS timeout (tests keep it short). */
    public JwtSettings withJwksTimeout(Duration timeout) {
        return new JwtSettings(issuer, audience, jwksUrl, tenantClaim, userClaim, tokenParam, clockSkew,
                defaultTenant, timeout);
    }

    private static void require(String value, String setting, String why) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("setting " + setting + " (" + Settings.envName(setting)
                    + ") must be set" + why);
        }
    }

    // Keys fetched over plain http could be swapped by anyone on the path; only a loopback host is exempt.
    private static void checkJwksUrl(URI url) {
        String problem = null;
        if (url == null || !url.isAbsolute() || url.getHost() == null) {
            problem = "must be an absolute https URL";
        } else {
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !(scheme.equals("http") && loopback(url.getHost()))) {
                problem = "must use https (plain http only for a loopback host)";
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("setting " + JWKS_URL + " (" + Settings.envName(JWKS_URL) + ") "
                    + problem + ", got '" + url + "'");
        }
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
    }

    private static String stripTrailingSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
