package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.protocol.engineio.EnginePacket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One worker stuck in a handler (as on a saturated store) and one session waiting behind it fill a backlog of one:
 * a handshake is refused as busy, and a third session's message ends that session with a transport error, which
 * its client sees and reconnects after, instead of queueing. Once the worker is free both are taken again.
 */
class WorkerBacklogTest {
    private static final Map<String, String> HANDSHAKE = Map.of("EIO", "4", "transport", "websocket");
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();
    private final RecordingListener listener = new RecordingListener() {
        @Override
        public void onMessage(EngineSession session, EnginePacket message) {
            entered.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.onMessage(session, message);
        }
    };
    private final EngineServer engine = new EngineServer(EngineOptions.of(EngineSessionTest.config(60_000, 60_000))
            .withWorkers(new WorkerLimits(1, 1)), listener);

    @AfterEach
    void stop() {
        release.countDown();
        engine.close();
    }

    private WebSocketInbound attached(EngineSession session) {
        return engine.attach(session, new EngineSessionTest.RecordingChannel());
    }

    private EngineSession open() {
        return engine.open(new HandshakeRequest(Map.of(), HANDSHAKE, "127.0.0.1", 0), "websocket").join();
    }

    @Test
    void aFullBacklogRefusesHandshakesAndEndsSessionsWhoseMessagesWouldQueue() {
        EngineSession a = open();
        EngineSession b = open();
        EngineSession c = open();
        WebSocketInbound toA = attached(a);
        WebSocketInbound toB = attached(b);
        WebSocketInbound toC = attached(c);
        assertThat(engine.verify("GET", HANDSHAKE, null)).isNull();

        toA.text("4a");
        await().atMost(Duration.ofSeconds(5)).until(() -> entered.get() == 1);
        toB.text("4b"); // waits for the one worker: the backlog is full

        assertThat(engine.verify("GET", HANDSHAKE, null)).isEqualTo(EngineError.BUSY);
        toC.text("4c");
        assertThat(c.isOpen()).isFalse();
        assertThat(a.isOpen()).isTrue();
        assertThat(b.isOpen()).isTrue();

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.messages.size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.verify("GET", HANDSHAKE, null) == null);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
    }
}
