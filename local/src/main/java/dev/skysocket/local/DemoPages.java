package dev.skysocket.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.gateway.http.StaticPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo chat page at {@code /} and {@code /demo}, the socket.io-client browser bundle it loads from
 * {@code /socket.io-client.js}, and {@code /demo-config.json}, which tells the page where the API Gateway
 * emulator listens. The page and the bundle are resources of this jar: the bundle is copied from npm's
 * socket.io-client package when the local stack is built (never committed), so the page works from any working
 * directory. The config is written at start, from the ports the stack really got.
 */
final class DemoPages {
    static final String CLIENT_PATH = "/socket.io-client.js";
    static final String CONFIG_PATH = "/demo-config.json";
    static final String CLIENT_RESOURCE = "demo/socket.io.min.js";
    private static final String PAGE_RESOURCE = "demo/demo.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoPages() {
    }

    /**
     * @param apiGatewayUrl the emulator's base URL, {@code ws://127.0.0.1:<port>}
     * @param stage         the stage, which API Gateway clients pass as their path
     */
    static Map<String, StaticPage> load(String apiGatewayUrl, String stage) {
        StaticPage page = new StaticPage("text/html; charset=utf-8", resource(PAGE_RESOURCE));
        StaticPage client = new StaticPage("text/javascript; charset=utf-8", resource(CLIENT_RESOURCE));
        StaticPage config = new StaticPage("application/json", config(apiGatewayUrl, stage));
        return Map.of("/", page, "/demo", page, CLIENT_PATH, client, CONFIG_PATH, config);
    }

    static byte[] config(String apiGatewayUrl, String stage) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("apiGatewayUrl", apiGatewayUrl);
        config.put("stage", stage);
        try {
            return JSON.writeValueAsBytes(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the demo page's config", e);
        }
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
