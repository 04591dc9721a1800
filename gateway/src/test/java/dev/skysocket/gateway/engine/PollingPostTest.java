package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.protocol.engineio.EnginePacket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A polling POST's life in memory: marked when its headers arrive, over when its body is handed in or dropped. */
class PollingPostTest {
    private static final Map<String, String> POLLING = Map.of("EIO", "4", "transport", "polling");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingListener listener = new RecordingListener();
    private final EngineServer engine = new EngineServer(
            EngineOptions.of(EngineSessionTest.config(60_000, 60_000)), listener);

    @AfterEach
    void stop() {
        engine.close();
    }

    private EngineSession open() {
        return engine.open(new HandshakeRequest(Map.of(), POLLING, "127.0.0.1", 0), "polling").join();
    }

    @Test
    void aSecondPostStartedBeforeTheFirstEndsIsAnOverlapThatClosesTheSession() {
        EngineSession session = open();
        assertThat(engine.startPost(session)).isNull();
        assertThat(engine.startPost(session)).isEqualTo(EngineError.BAD_REQUEST);
        await().atMost(WAIT).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));

        assertThat(engine.post(session, "4late")).as("the first body, read after the close")
                .isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(listener.messages).isEmpty();
    }

    @Test
    void aPostIsOverOnceItsBodyIsHandedIn() {
        EngineSession session = open();
        for (int i = 0; i < 3; i++) {
            assertThat(engine.startPost(session)).isNull();
            assertThat(engine.post(session, "4m" + i)).isNull();
        }
        await().atMost(WAIT).until(() -> listener.messages.size() == 3);
        assertThat(listener.messages).extracting(m -> ((EnginePacket.Message) m).text())
                .containsExactly("m0", "m1", "m2");
        assertThat(listener.closes).isEmpty();
    }

    @Test
    void aPostDroppedBeforeItsBodyEndsTheSessionWithATransportError() {
        EngineSession session = open();
        assertThat(engine.startPost(session)).isNull();
        engine.postAbandoned(session);
        await().atMost(WAIT).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
        assertThat(engine.startPost(session)).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
    }

    @Test
    void aDropAfterThePostWasAnsweredChangesNothing() {
        EngineSession session = open();
        assertThat(engine.startPost(session)).isNull();
        assertThat(engine.post(session, "4done")).isNull();
        engine.postAbandoned(session);
        assertThat(engine.startPost(session)).isNull();
        assertThat(listener.closes).isEmpty();
    }

    @Test
    void invalidContentEndsTheSessionWithATransportError() {
        EngineSession session = open();
        engine.invalidContent(session);
        await().atMost(WAIT).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
    }
}
