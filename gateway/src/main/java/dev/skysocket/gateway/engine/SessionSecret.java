package dev.skysocket.gateway.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret a polling session's cookie carries, and whether its client has shown that it keeps cookies
 * (DESIGN §9). A wrong value never passes. No value passes until the client has once presented the right one,
 * so a client that keeps no cookies (socket.io-client under Node without {@code withCredentials}, a page on
 * another origin without it, a browser that blocks third-party cookies) is still served. The first request
 * with the right value locks the session to it: from then on a request without it is refused like an unknown
 * sid, so a stranger who learns the sid can no longer read, post to, upgrade or close the session.
 *
 * <p>The trade-off: a session whose client never presents the cookie is protected by its sid alone (120 random
 * bits), as on the reference server; so is any session between its handshake and its client's next request, one
 * round trip. Not pinned to the client's address: one client's connections may come from several (IPv4 and IPv6,
 * a changing mobile network, NAT pools), and a stranger behind the same NAT would pass anyway.
 */
final class SessionSecret {
    private final String value;
    private volatile boolean locked;

    SessionSecret(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** True once a request presented the right value: a request without it is refused from then on. */
    boolean locked() {
        return locked;
    }

    /** Whether a request presenting {@code presented} (null: no cookie) may act on the session; locks on a match. */
    boolean admits(String presented) {
        if (presented == null) {
            return !locked;
        }
        if (!MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        locked = true;
        return true;
    }
}
