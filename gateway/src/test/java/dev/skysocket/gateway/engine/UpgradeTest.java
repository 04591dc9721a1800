package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A second websocket for a session that is upgrading or already upgraded: like the reference server, the request
 * is accepted (the adapter answers 101) and the engine refuses the websocket, so the adapter closes it.
 */
class UpgradeTest {
    private final RecordingListener listener = new RecordingListener();
    private final EngineServer engine = new EngineServer(
            EngineOptions.of(EngineSessionTest.config(60_000, 60_000)).withRequireSecret(false), listener);

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aSecondWebsocketForAnUpgradedSessionPassesVerificationAndIsThenRefused() {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(),
                Map.of("EIO", "4", "transport", "polling"), "", 0), "polling").join();
        Map<String, String> websocket = Map.of("EIO", "4", "transport", "websocket", "sid", session.sid());
        WebSocketInbound first = engine.upgrade(session, new EngineSessionTest.RecordingChannel());
        assertThat(engine.verify("GET", websocket, null)).isNull();
        assertThat(engine.upgrade(session, new EngineSessionTest.RecordingChannel())).isNull(); // still probing
        first.text("2probe");
        first.text("5");
        assertThat(session.transport()).isEqualTo("websocket");
        assertThat(engine.verify("GET", websocket, null)).isNull();
        assertThat(engine.upgrade(session, new EngineSessionTest.RecordingChannel())).isNull();
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void aWebsocketForAClosedSessionIsRefusedOutright() {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(),
                Map.of("EIO", "4", "transport", "polling"), "", 0), "polling").join();
        session.close();
        Map<String, String> websocket = Map.of("EIO", "4", "transport", "websocket", "sid", session.sid());
        assertThat(engine.verify("GET", websocket, null)).isEqualTo(EngineError.BAD_REQUEST);
    }
}
