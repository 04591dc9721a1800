package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Volatile packets on polling: sent only into a waiting GET, never queued for the next one. */
class VolatileSendTest {
    private final EngineServer engine = new EngineServer(
            EngineOptions.of(EngineSessionTest.config(60_000, 60_000)), new RecordingListener());

    @AfterEach
    void stop() {
        engine.close();
    }

    private EngineSession polling() {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(), Map.of("EIO", "4", "transport", "polling"),
                "127.0.0.1", 0), "polling").join();
        engine.handshakePayload(session);
        return session;
    }

    @Test
    void withNoGetWaitingTheVolatilePacketIsDroppedAndTheNextPollDoesNotCarryIt() {
        EngineSession session = polling();
        assertThat(session.sendVolatile("42[\"tick\",1]")).isFalse();
        session.send("42[\"kept\"]");
        List<String> answers = new CopyOnWriteArrayList<>();
        engine.poll(session, answers::add);
        assertThat(answers).containsExactly("42[\"kept\"]");
    }

    @Test
    void aWaitingGetTakesTheVolatilePacketAtOnce() {
        EngineSession session = polling();
        List<String> answers = new CopyOnWriteArrayList<>();
        assertThat(engine.poll(session, answers::add)).isNull();
        assertThat(session.sendVolatile("42[\"tick\",2]")).isTrue();
        assertThat(answers).containsExactly("42[\"tick\",2]");
    }
}
