package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public listener: broken escapes and websocket keys get 400 at once, unfinished headers are cut off. */
class MalformedRequestsHttpTest {
    private static final long HEADER_TIMEOUT_MS = 300;

    private final RecordingListener listener = new RecordingListener();
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0).withEventLoops(1)
                .withHeaderTimeoutMs(HEADER_TIMEOUT_MS), engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/socket.io/?EIO=4&transport=polling&t=%zz", "/socket.io/?EIO=4&transport=polling&t=%",
            "/socket.io/?EIO=4&transport=polling&t=%4", "/socket.io/?EIO=%G4&transport=polling", "/health?x=%",
            "/elsewhere?%%"})
    void aBrokenPercentEscapeInTheQueryIsAnswered400(String pathAndQuery) throws Exception {
        assertThat(RawHttp.statusOf(server.port(), "GET " + pathAndQuery + " HTTP/1.1\r\nHost: x"))
                .startsWith("HTTP/1.1 400");
        assertThat(listener.opened).isEmpty();
    }

    @Test
    void aWellFormedEscapeIsServed() throws Exception {
        assertThat(RawHttp.statusOf(server.port(), "GET /socket.io/?EIO=4&transport=polling&t=%41%2b HTTP/1.1\r\n"
                + "Host: x")).startsWith("HTTP/1.1 200");
    }

    static String[] invalidKeys() {
        return RawHttp.invalidKeys();
    }

    @ParameterizedTest
    @MethodSource("invalidKeys")
    void anUpgradeWithAnInvalidKeyIsAnswered400AndOpensNoSession(String key) throws Exception {
        assertThat(RawHttp.statusOf(server.port(), RawHttp.upgrade("/socket.io/?EIO=4&transport=websocket",
                server.port(), key))).startsWith("HTTP/1.1 400");
        assertThat(listener.opened).isEmpty();
    }

    @Test
    void anUpgradeWithoutAKeyIsAnswered400() throws Exception {
        assertThat(RawHttp.statusOf(server.port(), RawHttp.upgrade("/socket.io/?EIO=4&transport=websocket",
                server.port(), null))).startsWith("HTTP/1.1 400");
    }

    @Test
    void anUpgradeWithAValidKeyIsAccepted() throws Exception {
        assertThat(RawHttp.statusOf(server.port(), RawHttp.upgrade("/socket.io/?EIO=4&transport=websocket",
                server.port(), RawHttp.validKey()))).startsWith("HTTP/1.1 101");
    }

    @Test
    void aSecondRequestsHeadersNeverFinishedOnAKeptAliveConnectionAreCutOff() throws Exception {
        assertThat(RawHttp.unfinishedSecondHeadersAreCutOff(server.port(), "/health")).isTrue();
    }

    @Test
    void headersNeverFinishedAreAnswered408WithConnectionClose() throws Exception {
        assertRequestTimeout(RawHttp.answerToUnfinishedHeaders(server.port()));
        assertRequestTimeout(RawHttp.answerToUnfinishedSecondHeaders(server.port(), "/health"));
        assertThat(listener.opened).isEmpty();
    }

    /** The whole answer: one 408 status line, Connection: close, no body. */
    static void assertRequestTimeout(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("\r\nconnection: close\r\n")
                .endsWith("\r\ncontent-length: 0\r\n\r\n");
    }

    @Test
    void anIdleKeptAliveConnectionIsNotCutOff() throws Exception {
        try (RawHttp.KeptAlive idle = new RawHttp.KeptAlive(server.port())) {
            assertThat(idle.get("/health")).startsWith("HTTP/1.1 200");
            // Cut off after the bound, so the idle connection has sat past it too: it still serves.
            assertThat(RawHttp.unfinishedHeadersAreCutOff(server.port())).isTrue();
            assertThat(idle.get("/health")).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void headersNeverFinishedAreCutOffAndAnEarlierWebsocketOutlivesTheBound() throws Exception {
        try (RawSocket earlier = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket", null)) {
            assertThat(earlier.readText()).startsWith("0{");

            assertThat(RawHttp.unfinishedHeadersAreCutOff(server.port())).isTrue();

            // Accepted before the cut-off connection, so past its own bound too: an upgraded socket is off the clock.
            earlier.sendText("4alive");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> listener.messages.contains(new EnginePacket.Message("alive")));
        }
    }
}
