package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Socket.IO protocol's test suite checks of the Engine.IO server, over real HTTP and raw websockets
 * with its timers (ping 300 ms, timeout 200 ms) and its cookie-less client, with the polling secret on as in
 * production: a client that never sends the cookie back is served (SessionSecret). A close posted
 * while a GET is held is {@code SessionCloseTest}'s: over HTTP nothing shows when the GET is held.
 */
class ProtocolSuiteHttpTest {
    private final RecordingListener listener = new RecordingListener();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        SkysocketConfig config = SkysocketConfig.from(dev.skysocket.config.Settings.of(Map.of(
                "skysocket.ping-interval-ms", "300", "skysocket.ping-timeout-ms", "200")));
        engine = new EngineServer(EngineOptions.of(config), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private String url(String query) {
        return "http://127.0.0.1:" + server.port() + "/socket.io/?" + query;
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(query))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String handshake() throws Exception {
        HttpResponse<String> response = get("EIO=4&transport=polling");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
    }

    @Test
    void aPollingSessionThatDoesNotAnswerItsPingIsGoneAfterPingIntervalAndTimeout() throws Exception {
        String sid = handshake();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.PING_TIMEOUT));
        HttpResponse<String> poll = get("EIO=4&transport=polling&sid=" + sid);
        assertThat(poll.statusCode()).isEqualTo(400);
        assertThat(poll.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    }

    @Test
    void aSecondWebsocketForAnUpgradedSessionIsAnswered101AndClosed() throws Exception {
        String sid = handshake();
        try (RawSocket first = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + sid, null)) {
            first.sendText("2probe");
            assertThat(first.readText()).isEqualTo("3probe");
            first.sendText("5");
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.session(sid).transport().equals("websocket"));
            try (RawSocket second = RawSocket.open(server.port(),
                    "/socket.io/?EIO=4&transport=websocket&sid=" + sid, null)) {
                assertThat(second.responseHead).startsWith("HTTP/1.1 101");
                assertThat(second.readText()).isEqualTo("<close>");
            }
            assertThat(engine.session(sid).isOpen()).isTrue();
        }
    }

    @Test
    void binaryGoesToAWebsocketClientAsABinaryFrameUnlessItAskedForBase64() throws Exception {
        try (RawSocket binary = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket", null);
             RawSocket base64 = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket&b64=1", null)) {
            assertThat(binary.readText()).startsWith("0{");
            assertThat(base64.readText()).startsWith("0{");
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.opened.size() == 2);
            listener.opened.forEach(session -> {
                session.send("451-[\"file\",{\"_placeholder\":true,\"num\":0}]");
                session.send("bAQID");
            });
            assertThat(binary.readText()).startsWith("451-");
            RawSocket.Frame frame = binary.readFrame();
            assertThat(frame.opcode()).isEqualTo(2);
            assertThat(frame.payload()).containsExactly(1, 2, 3);
            assertThat(base64.readText()).startsWith("451-");
            assertThat(base64.readText()).isEqualTo("bAQID");
        }
    }
}
