package dev.skysocket.it;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A deployed stack named by system properties, for running the client tests against it:
 * {@code skysocket.it.wss-url} (the WebSocket API's URL with its stage, as the stack's outputs give it),
 * optionally {@code skysocket.it.fallback-url} (the gateway ALB's base URL) and {@code skysocket.it.admin-token}
 * (the stack's AdminToken parameter). A {@code ws://} URL is accepted too: that is how the suite tests this mode
 * against a local stack started on loopback.
 */
record RemoteStack(String websocketUrl, String path, String fallbackUrl, String adminToken) {
    static final String WSS_URL = "skysocket.it.wss-url";
    static final String FALLBACK_URL = "skysocket.it.fallback-url";
    static final String ADMIN_TOKEN = "skysocket.it.admin-token";

    static Optional<RemoteStack> fromSystemProperties() {
        return from(System::getProperty);
    }

    /** Reads the three settings through {@code properties}; empty when no WebSocket URL is set. */
    static Optional<RemoteStack> from(UnaryOperator<String> properties) {
        String url = blankToNull(properties.apply(WSS_URL));
        if (url == null) {
            return Optional.empty();
        }
        URI uri = URI.create(url);
        if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme())) {
            throw new IllegalArgumentException(WSS_URL + " must be a wss:// (or ws://) URL, not " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException(WSS_URL + " must end with the stage, e.g. wss://<api>/prod: " + url);
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String fallback = blankToNull(properties.apply(FALLBACK_URL));
        if (fallback != null) {
            fallback = fallback.replaceAll("/+$", "");
        }
        return Optional.of(new RemoteStack(base, path, fallback, blankToNull(properties.apply(ADMIN_TOKEN))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
