package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binary messages ({@code b<base64>} across the Management API) reach a websocket client as binary frames unless
 * it asked for base64 ({@code b64} in its query); polling payloads carry them as text.
 */
class WebSocketBinaryTest {
    private final RecordingListener listener = new RecordingListener();
    private final EngineServer engine = new EngineServer(
            EngineOptions.of(EngineSessionTest.config(60_000, 60_000)).withRequireSecret(false), listener);

    @AfterEach
    void stop() {
        engine.close();
    }

    private EngineSession websocket(Map<String, String> query, EngineSessionTest.RecordingChannel channel) {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(), query, "", 0), "websocket").join();
        engine.attach(session, channel);
        return session;
    }

    @Test
    void aClientThatDidNotAskForBase64GetsBinaryFrames() {
        EngineSessionTest.RecordingChannel ws = new EngineSessionTest.RecordingChannel();
        EngineSession session = websocket(Map.of("EIO", "4", "transport", "websocket"), ws);
        session.send("451-[\"file\",{\"_placeholder\":true,\"num\":0}]");
        session.send("bAQID");
        assertThat(ws.frames).endsWith("451-[\"file\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(ws.binary).containsExactly(new byte[] {1, 2, 3});
    }

    @Test
    void aClientThatAskedForBase64GetsText() {
        EngineSessionTest.RecordingChannel ws = new EngineSessionTest.RecordingChannel();
        EngineSession session = websocket(Map.of("EIO", "4", "transport", "websocket", "b64", "1"), ws);
        session.send("bAQID");
        assertThat(ws.frames).endsWith("bAQID");
        assertThat(ws.binary).isEmpty();
    }

    @Test
    void binaryQueuedWhilePollingGoesAsTextOnPollsAndAsBinaryOnceUpgraded() {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(),
                Map.of("EIO", "4", "transport", "polling"), "", 0), "polling").join();
        engine.handshakePayload(session);
        session.send("bAQID");
        List<String> poll = new CopyOnWriteArrayList<>();
        engine.poll(session, poll::add);
        assertThat(poll).containsExactly("bAQID");
        EngineSessionTest.RecordingChannel ws = new EngineSessionTest.RecordingChannel();
        WebSocketInbound inbound = engine.upgrade(session, ws);
        inbound.text("2probe");
        session.send("bBAUG");
        inbound.text("5");
        assertThat(ws.frames).containsExactly("3probe");
        assertThat(ws.binary).containsExactly(new byte[] {4, 5, 6});
    }
}
