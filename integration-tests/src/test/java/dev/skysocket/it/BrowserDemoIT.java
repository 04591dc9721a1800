package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.local.LocalRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The local stack's demo page in headless Chromium: its two clients, one on the API Gateway emulator (websocket
 * only) and one on the fallback gateway (polling, then websocket), chat in one room with each other and with a
 * Node client on the API Gateway path. The page's bundle and config come from the local stack's jar and ports,
 * with nothing installed by npm in the integration tests.
 *
 * <p>Without Chromium or playwright-core, or when Chromium cannot be launched, the browser test skips saying
 * why; with {@code CI=true} it fails instead, so that CI cannot pass it by running nothing.
 */
@Timeout(180)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: the demo page, its bundle and its config are served by the local stack")
class BrowserDemoIT {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SKYSOCKET_CHROMIUM",
            "/usr/bin/chromium"));
    private static final boolean CI = "true".equals(System.getenv("CI"));
    /** What browser-demo.mjs exits with when there is no browser to drive. */
    static final int NO_BROWSER = 3;
    private static final String BUNDLE_RESOURCE = "dev/skysocket/local/demo/socket.io.min.js";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        runner = TestStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void theLocalStackServesTheBrowserBundleFromItsOwnJar() throws Exception {
        HttpResponse<byte[]> bundle = get("/socket.io-client.js");

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/javascript"));
        assertThat(bundle.body()).as("the bytes packaged into the local stack's jar, not an npm install here")
                .isEqualTo(packagedBundle());
        assertThat(new String(bundle.body(), 0, Math.min(200, bundle.body().length), StandardCharsets.UTF_8))
                .contains("Socket.IO v4");
    }

    @Test
    void theDemoConfigNamesTheEmulatorsRealUrlAndStage() throws Exception {
        HttpResponse<byte[]> config = get("/demo-config.json");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode json = new ObjectMapper().readTree(config.body());
        assertThat(json.path("apiGatewayUrl").asText()).isEqualTo(runner.websocketUrl());
        assertThat(json.path("stage").asText()).isEqualTo(runner.stage());
    }

    @Test
    void theDemoPagesTwoClientsChatAcrossBothPathsWithANodeClient() {
        Path js = NodeScenario.jsDir();
        requireBrowser(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM
                + ": install it (apt-get install -y chromium; .ci/run does) or set SKYSOCKET_CHROMIUM");
        requireBrowser(Files.isDirectory(js.resolve("node_modules/playwright-core")),
                "playwright-core is not installed in " + js + ": run `npm ci` there");
        NodeScenario.Result result = NodeScenario.of("browser-demo.mjs", runner.websocketUrl(),
                TestStack.path(runner), runner.gatewayUrl()).timeout(Duration.ofSeconds(120)).run();
        requireBrowser(result.exitCode() != NO_BROWSER, "Chromium could not be launched: " + result.stderr());
        JsonNode seen = result.succeeded();

        JsonNode apigw = seen.path("apigw");
        JsonNode fallback = seen.path("fallback");
        String apigwId = apigw.path("id").asText();
        String fallbackId = fallback.path("id").asText();
        String nodeId = seen.path("nodeId").asText();
        assertThat(List.of(apigwId, fallbackId, nodeId)).doesNotContain("").doesNotHaveDuplicates();
        assertThat(apigw.path("transport").asText()).isEqualTo("websocket");
        assertThat(fallback.path("transport").asText()).as("upgraded from polling").isEqualTo("websocket");
        assertThat(texts(apigw.path("log"))).as("the API Gateway client's log, as <from>: <msg>")
                .containsSubsequence("joined lobby", "me: hello from the API Gateway path",
                        fallbackId + ": hello from the fallback path", nodeId + ": hello from node");
        assertThat(texts(fallback.path("log"))).as("the fallback client's log")
                .containsSubsequence("joined lobby", apigwId + ": hello from the API Gateway path",
                        "me: hello from the fallback path", nodeId + ": hello from node");

        JsonNode heard = seen.path("nodeHeard");
        assertThat(heard).hasSize(2);
        assertThat(heard.get(0).path("room").asText()).isEqualTo("lobby");
        assertThat(heard.get(0).path("msg").asText()).isEqualTo("hello from the API Gateway path");
        assertThat(heard.get(0).path("from").asText()).isEqualTo(apigwId);
        assertThat(heard.get(1).path("room").asText()).isEqualTo("lobby");
        assertThat(heard.get(1).path("msg").asText()).isEqualTo("hello from the fallback path");
        assertThat(heard.get(1).path("from").asText()).isEqualTo(fallbackId);
        assertThat(seen.path("pageErrors")).as("the page ran without script errors").isEmpty();
    }

    /** Skips without the browser outside CI; in CI ({@code CI=true}) fails, so the test never passes empty. */
    static void requireBrowser(boolean available, String why) {
        if (available) {
            return;
        }
        if (CI) {
            fail(why + " (CI=true: the browser test must run in CI)");
        }
        assumeTrue(false, why + ", skipping");
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(runner.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] packagedBundle() throws IOException {
        try (InputStream in = LocalRunner.class.getClassLoader().getResourceAsStream(BUNDLE_RESOURCE)) {
            assertThat(in).as(BUNDLE_RESOURCE + " in the skysocket-local artifact").isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
