package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.Fanout;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.MetricSink;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.store.BroadcastLog;
import dev.skysocket.store.LoggedPacket;
import dev.skysocket.store.Member;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A broadcast in a namespace with connection state recovery writes its log item while it reads the room and
 * delivers, not before: the frames never wait for the item, yet the broadcast returns only once it is settled; a
 * failed write is counted, not thrown (the frames are out by then).
 */
class LoggedBroadcastTest {
    private static final Clock CLOCK = Clock.systemUTC();

    /** The room read waits (bounded) for the log write to have started, and says whether it saw it. */
    private final CountDownLatch writeStarted = new CountDownLatch(1);
    private final CountDownLatch delivered = new CountDownLatch(1);
    private final AtomicInteger failures = new AtomicInteger();
    private MetricSink previous;

    @BeforeEach
    void countFailures() {
        previous = Metrics.install((metric, value) -> {
            if (metric == Metric.REPLAY_LOG_FAILURES) {
                failures.addAndGet((int) value);
            }
        });
    }

    @AfterEach
    void restore() {
        Metrics.install(previous);
    }
    private final AtomicBoolean readSawWrite = new AtomicBoolean();
    private final AtomicBoolean stored = new AtomicBoolean();
    private final List<Boolean> storedAtDelivery = new CopyOnWriteArrayList<>();

    @Test
    void theLogWriteOverlapsTheRoomReadAndTheDeliveryAndSettlesBeforeTheBroadcastReturns() {
        Broadcaster broadcaster = new Broadcaster(context(new BlockingLog(null)));

        FanoutReport report = broadcaster.deliver("acme", "/", Set.of("room"), Set.of(), Set.of(), event());

        assertThat(readSawWrite).as("the room was read while the log item was being written").isTrue();
        assertThat(storedAtDelivery).as("delivered once, without waiting for the item").containsExactly(false);
        assertThat(stored).as("the item was stored before the broadcast returned").isTrue();
        assertThat(report.delivered()).isEqualTo(2);
        assertThat(failures).hasValue(0);
    }

    @Test
    void aFailedLogWriteIsCountedAndTheFramesStillGoOut() {
        Broadcaster broadcaster = new Broadcaster(context(new BlockingLog(new IllegalStateException("throttled"))));

        FanoutReport report = broadcaster.deliver("acme", "/", Set.of("room"), Set.of(), Set.of(), event());

        assertThat(report.delivered()).isEqualTo(2);
        assertThat(storedAtDelivery).containsExactly(false);
        assertThat(failures).as("the failed write is counted once").hasValue(1);
    }

    private ServerContext context(BroadcastLog log) {
        return new ServerContext(SkysocketConfig.from(Settings.of(Map.of())),
                DeclaredServer.configuredBy(io -> io.of("/").connectionStateRecovery(Duration.ofMinutes(2))),
                null, null, null, new ReadOnlyRooms(this::readRoom), new RecordingFanout(), null, CLOCK, null, null,
                log);
    }

    private static SocketPacket event() {
        return SocketPacket.event("/", null, JsonNodeFactory.instance.arrayNode().add("said").add("hi"));
    }

    /** Stores (or fails) once the frames were delivered, or after 10 s when nothing delivers them meanwhile. */
    private final class BlockingLog implements BroadcastLog {
        private final RuntimeException failure;

        BlockingLog(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void append(String tenant, String namespace, LoggedPacket packet, long expiresAtSeconds) {
            writeStarted.countDown();
            try {
                delivered.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            stored.set(true);
        }

        @Override
        public List<LoggedPacket> between(String tenant, String namespace, String after, String upTo, long now) {
            return List.of();
        }
    }

    /** Two members; the read notes whether the log write had already started. */
    private Iterable<Member> readRoom() {
        try {
            readSawWrite.set(writeStarted.await(10, TimeUnit.SECONDS) && !stored.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of(new Member("s1", "c1", "e"), new Member("s2", "c2", "e"));
    }

    private final class RecordingFanout implements Fanout {
        @Override
        public FanoutReport deliver(List<String> frames, Collection<Recipient> recipients) {
            storedAtDelivery.add(stored.get());
            delivered.countDown();
            return new FanoutReport(recipients.size(), 0, 0, 0, Duration.ZERO, List.of());
        }
    }
}
