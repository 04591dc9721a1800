package dev.skysocket.local;

import dev.skysocket.gateway.http.StaticPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The demo chat page at {@code /} and {@code /demo}, and the socket.io-client browser bundle it loads from
 * {@code /socket.io-client.js}. Both are resources of this jar: the bundle is copied from npm's socket.io-client
 * package when the local stack is built (never committed), so the page works from any working directory.
 */
final class DemoPages {
    static final String CLIENT_PATH = "/socket.io-client.js";
    static final String CLIENT_RESOURCE = "demo/socket.io.min.js";
    private static final String PAGE_RESOURCE = "demo/demo.html";

    private DemoPages() {
    }

    static Map<String, StaticPage> load() {
        StaticPage page = new StaticPage("text/html; charset=utf-8", resource(PAGE_RESOURCE));
        StaticPage client = new StaticPage("text/javascript; charset=utf-8", resource(CLIENT_RESOURCE));
        return Map.of("/", page, "/demo", page, CLIENT_PATH, client);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the local stack's jar:"
                        + " build it with Maven, which packages the demo page and its client bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
