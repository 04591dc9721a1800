package dev.skysocket.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URL;

/**
 * The issuer's public keys, fetched from its JWKS URL and cached. Every fetch is bounded (connect and read
 * timeout, document size), so a slow or hostile key endpoint delays a {@code $connect} by a known amount.
 */
final class JwksKeySource {
    /** Providers rotate keys by publishing the new one well ahead; an unknown kid refreshes sooner anyway. */
    static final long CACHE_TTL_MS = 5 * 60_000L;
    /** Nimbus allows two fetches per interval: one for an unknown kid (a rotation), one spare. */
    static final long RATE_LIMIT_MS = 30_000L;

    private JwksKeySource() {
    }

    static JWKSource<SecurityContext> of(JwtSettings settings) {
        int timeoutMs = Math.toIntExact(settings.jwksTimeout().toMillis());
        var retriever = new DefaultResourceRetriever(timeoutMs, timeoutMs, JwtSettings.JWKS_SIZE_LIMIT);
        URL url;
        try {
            url = settings.jwksUrl().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + JwtSettings.JWKS_URL + " is not a URL: " + settings.jwksUrl());
        }
        // One retry on a network error (STYLE: one bounded retry on the one transient error); no refresh-ahead
        // thread, which a frozen Lambda sandbox could not run anyway. Worst case per $connect: 2 x 2 timeouts.
        return JWKSourceBuilder.<SecurityContext>create(url, retriever)
                .cache(CACHE_TTL_MS, 5L * timeoutMs)
                .refreshAheadCache(false)
                .rateLimited(RATE_LIMIT_MS)
                .retrying(true)
                .build();
    }
}
