package dev.skysocket.gateway.http;

import java.util.function.Supplier;

/**
 * The application cookie an ALB's {@code app_cookie} stickiness keys on (DESIGN §7). Sent on the polling
 * handshake answer and on every 101. Names starting with {@code AWSALB} are reserved by the ALB.
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

    String header() {
        return name + "=" + value.get() + "; Path=/; HttpOnly";
    }
}
