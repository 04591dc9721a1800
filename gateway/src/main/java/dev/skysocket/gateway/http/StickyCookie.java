package dev.skysocket.gateway.http;

import java.util.function.Supplier;

/**
 * The application cookie an ALB's {@code app_cookie} stickiness keys on (DESIGN §7). Sent on the polling
 * handshake answer and on every 101, and again on any polling answer to a request that arrived without it or
 * with another node's (a lost affinity: the ALB re-pins when it sees the cookie in a response). Names starting
 * with {@code AWSALB} are reserved by the ALB.
 */
public record StickyCookie(String name, Supplier<String> value) {
    public StickyCookie {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}") || name.startsWith("AWSALB")) {
            throw new IllegalArgumentException("cookie name must be a short token not starting with AWSALB");
        }
        if (value == null) {
            throw new IllegalArgumentException("a value supplier is required");
        }
    }

    /** True when a presented cookie value names this node. */
    boolean names(String presented) {
        return presented != null && presented.equals(value.get());
    }

    /** {@code secure}: the client reached the gateway over HTTPS ({@link SessionCookie#secure}). */
    String header(boolean secure) {
        return name + "=" + value.get() + "; Path=/; HttpOnly" + SessionCookie.crossSite(secure);
    }
}
