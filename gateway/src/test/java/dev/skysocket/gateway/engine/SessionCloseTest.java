package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a polling session ends, as the Socket.IO protocol's test suite checks it: a session that misses its pong,
 * or whose client posts a close packet, is forgotten at once (later requests get 400), and a GET held at that
 * moment ends with a noop when the client itself closed.
 */
class SessionCloseTest {
    private static final Map<String, String> POLLING = Map.of("EIO", "4", "transport", "polling");

    private final RecordingListener listener = new RecordingListener();
    private EngineServer engine = new EngineServer(EngineOptions.of(EngineSessionTest.config(60_000, 60_000)),
            listener);

    @AfterEach
    void stop() {
        engine.close();
    }

    private EngineSession open() {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(), POLLING, "127.0.0.1", 0), "polling")
                .join();
        engine.handshakePayload(session);
        return session;
    }

    private Map<String, String> pollQuery(EngineSession session) {
        return Map.of("EIO", "4", "transport", "polling", "sid", session.sid());
    }

    @Test
    void aSessionThatDoesNotAnswerItsPingIsForgottenOncePingIntervalAndTimeoutHavePassed() {
        engine.close();
        engine = new EngineServer(EngineOptions.of(EngineSessionTest.config(50, 50)), listener);
        EngineSession session = open();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.PING_TIMEOUT));
        assertThat(engine.verify("GET", pollQuery(session), engine.secretOf(session)))
                .isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(engine.poll(session, payload -> { })).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void aClosePacketPostedWhileAGetIsHeldEndsThatGetWithANoopAndTheSession() {
        EngineSession session = open();
        List<String> held = new CopyOnWriteArrayList<>();
        assertThat(engine.poll(session, held::add)).isNull();
        assertThat(engine.post(session, "1")).isNull();
        assertThat(held).containsExactly("6");
        assertThat(engine.verify("GET", pollQuery(session), engine.secretOf(session)))
                .isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_CLOSE));
    }

    @Test
    void aClosePacketWithNoGetHeldLeavesNothingForTheNextPoll() {
        EngineSession session = open();
        assertThat(engine.post(session, "1")).isNull();
        assertThat(engine.poll(session, payload -> { })).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
    }

    @Test
    void theServerClosingAHealthySessionStillHandsTheNextPollTheClosePacket() {
        EngineSession session = open();
        session.close();
        assertThat(engine.verify("GET", pollQuery(session), engine.secretOf(session))).isNull();
        List<String> poll = new CopyOnWriteArrayList<>();
        assertThat(engine.poll(session, poll::add)).isNull();
        assertThat(poll).containsExactly("1");
        assertThat(engine.session(session.sid())).isNull();
    }
}
