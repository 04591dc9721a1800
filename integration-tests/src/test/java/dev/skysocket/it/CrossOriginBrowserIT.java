package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.skysocket.local.LocalRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A page on another origin than the fallback gateway (its own loopback port, listed in the allowed Origins) runs
 * the stock socket.io-client in headless Chromium without {@code withCredentials}: the browser sends no cookies
 * on its cross-origin requests, and the gateway serves its polling sessions anyway. Skips or fails without a
 * browser as {@link BrowserDemoIT} does.
 */
@Timeout(180)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: the page's origin must be one of the stack's allowed Origins")
class CrossOriginBrowserIT {
    private static HttpServer page;
    private static LocalRunner runner;

    @BeforeAll
    static void startPageAndStack() throws IOException {
        page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String origin = "http://127.0.0.1:" + page.getAddress().getPort();
        runner = TestStack.start(Map.of("skysocket.allowed-origins", origin));
        page.createContext("/", exchange -> {
            byte[] html = ("<!doctype html><meta charset=\"utf-8\"><title>another origin</title>"
                    + "<script src=\"" + runner.gatewayUrl() + "/socket.io-client.js\"></script>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
        page.start();
    }

    @AfterAll
    static void stop() {
        if (page != null) {
            page.stop(0);
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aPageOnAnotherOriginConnectsWithoutCredentialsEchoesAndChatsOnBothSetups() {
        BrowserDemoIT.requireBrowser(Files.isExecutable(BrowserDemoIT.CHROMIUM), "no Chromium at "
                + BrowserDemoIT.CHROMIUM + ": install it or set SKYSOCKET_CHROMIUM");
        BrowserDemoIT.requireBrowser(Files.isDirectory(NodeScenario.jsDir().resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run `npm ci` in " + NodeScenario.jsDir());
        String pageUrl = "http://127.0.0.1:" + page.getAddress().getPort() + "/";
        NodeScenario.Result result = NodeScenario.of("cross-origin.mjs", pageUrl, runner.gatewayUrl())
                .timeout(Duration.ofSeconds(120)).run();
        BrowserDemoIT.requireBrowser(result.exitCode() != BrowserDemoIT.NO_BROWSER,
                "Chromium could not be launched: " + result.stderr());
        JsonNode seen = result.succeeded();

        assertThat(seen.path("pageOrigin").asText()).isNotEqualTo(runner.gatewayUrl());
        assertThat(seen.path("transports").get(0).asText()).as("default options: upgraded").isEqualTo("websocket");
        assertThat(seen.path("transports").get(1).asText()).isEqualTo("polling");
        assertThat(seen.path("sameEngines").asBoolean()).as("one session each throughout").isTrue();
        assertThat(seen.path("disconnects")).isEmpty();
        assertThat(seen.path("echoes").get(0).asText()).isEqualTo("from a");
        assertThat(seen.path("echoes").get(1).asText()).isEqualTo("from b");
        assertThat(seen.path("heard").path("b").path("msg").asText()).isEqualTo("a to b");
        assertThat(seen.path("heard").path("b").path("from").asText()).isEqualTo(seen.path("ids").get(0).asText());
        assertThat(seen.path("heard").path("a").path("msg").asText()).isEqualTo("b to a");
        assertThat(seen.path("pageErrors")).isEmpty();
    }
}
