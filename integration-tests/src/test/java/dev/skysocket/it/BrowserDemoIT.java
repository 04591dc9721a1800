package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The gateway's demo page in headless Chromium (the stock browser bundle of socket.io-client, polling then
 * websocket, cookies kept by the browser) chats in one room with a Node client on the API Gateway emulator.
 * The gateway serves the bundle from the integration tests' npm install: it is never committed or packaged.
 * Skips, saying why, when Chromium or playwright-core is missing or Chromium cannot be launched.
 */
@Timeout(180)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: needs the demo page served with the npm copy of the client bundle of the local stack")
class BrowserDemoIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SKYSOCKET_CHROMIUM",
            "/usr/bin/chromium"));
    /** What browser-demo.mjs exits with when Chromium does not start. */
    private static final int NO_BROWSER = 3;
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        Path js = NodeScenario.jsDir();
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM
                + ": install it (apt-get install -y chromium; .ci/run does) or set SKYSOCKET_CHROMIUM");
        assumeTrue(Files.isDirectory(js.resolve("node_modules/playwright-core")),
                "playwright-core is not installed in " + js + ": run `npm ci` there");
        Path dist = js.resolve("node_modules/socket.io-client/dist");
        runner = TestStack.start(Map.of("skysocket.demo-client-dir", dist.toString()));
    }

    @AfterAll
    static void stopStack() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void theDemoPageInABrowserChatsWithAnApiGatewayClientInTheLobby() {
        NodeScenario.Result result = NodeScenario.of("browser-demo.mjs", runner.websocketUrl(),
                TestStack.path(runner), runner.gatewayUrl()).timeout(Duration.ofSeconds(120)).run();
        assumeTrue(result.exitCode() != NO_BROWSER, () -> "Chromium could not be launched, skipping: "
                + result.stderr());
        JsonNode seen = result.succeeded();

        String browserId = seen.path("browserId").asText();
        String nodeId = seen.path("nodeId").asText();
        assertThat(browserId).isNotEmpty().isNotEqualTo(nodeId);
        assertThat(texts(seen.path("browserLog")))
                .as("the browser shows the Node client's message as <from>: <msg>")
                .containsSubsequence("joined lobby", nodeId + ": hello from node", "me: hello from the browser");
        JsonNode heard = seen.path("nodeHeard");
        assertThat(heard.path("room").asText()).isEqualTo("lobby");
        assertThat(heard.path("msg").asText()).isEqualTo("hello from the browser");
        assertThat(heard.path("from").asText()).as("said comes from the browser's socket").isEqualTo(browserId);
        assertThat(seen.path("pageErrors")).as("the page ran without script errors").isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
