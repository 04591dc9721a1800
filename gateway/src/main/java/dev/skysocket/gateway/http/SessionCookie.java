package dev.skysocket.gateway.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The secret that binds a polling session to the client that opened it (DESIGN §9), carried in an HttpOnly
 * cookie named after the sid so several sessions in one browser do not collide. Its Max-Age covers one ping
 * cycle and is renewed on every poll answer, so cookies of dead sessions expire instead of piling up.
 */
final class SessionCookie {
    static final String PREFIX = "skysocket-sid-";

    private SessionCookie() {
    }

    static String read(HttpServerRequest request, String sid) {
        if (sid == null) {
            return null;
        }
        Cookie cookie = request.getCookie(PREFIX + sid);
        return cookie == null ? null : cookie.getValue();
    }

    static String header(String sid, String secret, String path, long maxAgeSeconds, boolean secure) {
        return PREFIX + sid + "=" + secret + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly"
                + crossSite(secure);
    }

    /**
     * The attributes every cookie of this package ends with. Over HTTPS: SameSite=None (which browsers accept
     * only with Secure), so a page on another site polling with credentials keeps its session and its node.
     * Over plain HTTP a browser would drop a SameSite=None cookie without Secure, so Lax it is.
     */
    static String crossSite(boolean secure) {
        return secure ? "; Secure; SameSite=None" : "; SameSite=Lax";
    }

    /** Behind an ALB TLS is terminated there, which says so in X-Forwarded-Proto. */
    static boolean secure(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
