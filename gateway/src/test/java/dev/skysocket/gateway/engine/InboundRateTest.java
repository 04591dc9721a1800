package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.limits.InboundLimits;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.MetricSink;
import dev.skysocket.metrics.Metrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-session token bucket in memory: a flood ends its session before reaching the listener; others carry on. */
class InboundRateTest {
    private final RecordingListener listener = new RecordingListener();
    private final AtomicLong closes = new AtomicLong();
    private EngineServer engine;
    private MetricSink previous;

    @BeforeEach
    void start() {
        previous = Metrics.install((metric, value) -> {
            if (metric == Metric.RATE_LIMIT_CLOSES) {
                closes.addAndGet((long) value);
            }
        });
        // A rate of 1/s refills nothing within the test: the burst is all a session gets.
        engine = new EngineServer(EngineOptions.of(EngineSessionTest.config(60_000, 60_000))
                .withInbound(new InboundLimits(10, 1, 0)), listener);
    }

    @AfterEach
    void stop() {
        engine.close();
        Metrics.install(previous);
    }

    private WebSocketInbound websocket(EngineSessionTest.RecordingChannel channel) {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(), Map.of(), "", 0), "websocket").join();
        return engine.attach(session, channel);
    }

    @Test
    void theMessagePastTheBurstClosesTheSessionAndNothingAfterItReachesTheListener() {
        EngineSessionTest.RecordingChannel flooding = new EngineSessionTest.RecordingChannel();
        WebSocketInbound flood = websocket(flooding);
        EngineSessionTest.RecordingChannel quiet = new EngineSessionTest.RecordingChannel();
        WebSocketInbound other = websocket(quiet);
        for (int i = 0; i < 50; i++) {
            flood.text("4m" + i);
        }
        assertThat(flooding.closed).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.FORCED_CLOSE));
        assertThat(listener.messages).hasSize(10);
        assertThat(closes.get()).isEqualTo(1);

        other.text("4still here");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.messages.size() == 11);
        assertThat(quiet.closed).isFalse();
    }

    @Test
    void pongsAndNoopsTakeNoToken() {
        EngineSessionTest.RecordingChannel channel = new EngineSessionTest.RecordingChannel();
        WebSocketInbound inbound = websocket(channel);
        for (int i = 0; i < 50; i++) {
            inbound.text("3");
            inbound.text("6");
        }
        inbound.text("4counted");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.messages.size() == 1);
        assertThat(channel.closed).isFalse();
        assertThat(closes.get()).isZero();
    }
}
