package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Socket.IO's handler API seen by the stock socket.io-client under Node, the same app on both paths of the local
 * stack: the API Gateway emulator and the fallback gateway (websocket and polling). The connect timeout is set
 * short so a connection that never joins a namespace is closed within the scenario.
 */
@Timeout(180)
class HandlerApiIT {
    private static final long CONNECT_TIMEOUT_MS = 2000;
    private static LocalRunner stack;

    @BeforeAll
    static void start() {
        TestStack.assumeLocal("an app of its own");
        Map<String, String> settings = new HashMap<>(TestStack.settings());
        settings.put("skysocket.connect-timeout-ms", Long.toString(CONNECT_TIMEOUT_MS));
        stack = LocalRunner.start(Settings.of(settings), new HandlerApiApp());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void onTheApiGatewayPath() {
        check(NodeScenario.of("handler-api.mjs", stack.websocketUrl(), TestStack.path(stack)).run().succeeded(),
                "/?EIO=4&b64=1&room=r+1&transport=websocket");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"websocket", "polling"})
    void onTheFallbackGateway(String setup) {
        check(NodeScenario.of("handler-api.mjs", stack.gatewayUrl()).clientSetup(setup).run().succeeded(), null);
    }

    private static void check(JsonNode seen, String url) {
        // Two listeners of "multi": the first one's ack reaches the client, the second one still runs.
        assertThat(seen.path("multi").toString()).isEqualTo("[\"first\",7]");
        assertThat(seen.path("second").asInt()).isEqualTo(7);
        // The catch-all listener saw the event with its arguments; its listener answered.
        assertThat(seen.path("any").toString()).isEqualTo("[\"probe\",1,\"two\"]");
        assertThat(seen.path("probe").toString()).isEqualTo("[\"probed\"]");
        // Refused by packet middleware: no ack at all; the app's error listener told the client.
        assertThat(seen.path("forbidden").asText()).isEqualTo("no ack");
        assertThat(seen.path("refused").asText()).isEqualTo("forbidden event");
        // socket.nsp().emit reaches every socket of the namespace, the sender too.
        assertThat(seen.path("everyone").toString()).isEqualTo("[[\"hi\"],[\"hi\"]]");
        JsonNode handshake = seen.path("handshake");
        assertThat(handshake.path("auth").path("token").asText()).isEqualTo("t-1");
        assertThat(handshake.path("query").path("room").asText()).isEqualTo("r 1");
        assertThat(handshake.path("issued").asLong()).isPositive();
        assertThat(handshake.path("time").asText()).endsWith("GMT+0000 (Coordinated Universal Time)");
        assertThat(handshake.path("address").asText()).isNotEmpty();
        assertThat(handshake.path("secure").asBoolean()).isFalse();
        assertThat(handshake.path("xdomain").asBoolean()).as("Node sends no Origin").isFalse();
        if (url != null) {
            assertThat(handshake.path("url").asText()).isEqualTo(url);
        } else {
            assertThat(handshake.path("url").asText()).startsWith("/?").contains("room=r+1", "EIO=4");
        }
        // disconnecting still saw the rooms; disconnect saw none, and the socket no longer connected.
        String id = seen.path("socketId").asText();
        assertThat(seen.path("disconnecting").toString()).isEqualTo("[\"" + id + "\",[\"extra\",\"lobby\"],true]");
        assertThat(seen.path("disconnect").toString()).isEqualTo("[0,false]");
        // A dynamic namespace: the socket is named after the concrete name, its middleware ran for it.
        assertThat(seen.path("where").toString()).isEqualTo("[\"/dyn-42\",\"/dyn-42\"]");
        assertThat(seen.path("unknownError").asText()).isEqualTo("Invalid namespace");
        // Never joined a namespace: closed by the server once the connect timeout passed.
        assertThat(seen.path("timeout").path("keptMs").asLong()).isGreaterThanOrEqualTo(CONNECT_TIMEOUT_MS - 500);
        assertThat(seen.path("timeout").path("reason").asText()).isNotEmpty();
    }
}
