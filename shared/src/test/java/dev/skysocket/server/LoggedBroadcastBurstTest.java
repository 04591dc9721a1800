package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.Fanout;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.store.BroadcastLog;
import dev.skysocket.store.LoggedPacket;
import dev.skysocket.store.Member;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * More broadcasts with connection state recovery in flight at once than the log writes have threads: the writes
 * past the bound run on the broadcasts' own threads, so every broadcast still stores its item and delivers, and
 * none is dropped or left waiting.
 */
class LoggedBroadcastBurstTest {
    private static final int BURST = ReplayLog.MAX_APPEND_THREADS + 8;

    /** Every write waits (bounded) until all of the burst's writes are under way at once. */
    private final CountDownLatch allWriting = new CountDownLatch(BURST);
    private final List<String> writerThreads = new CopyOnWriteArrayList<>();
    private final Set<String> storedOffsets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deliveries = new AtomicInteger();

    @Test
    void aBurstPastTheWriteThreadsWritesTheRestOnTheCallersAndDeliversEveryOne() throws Exception {
        Broadcaster broadcaster = new Broadcaster(context());
        ExecutorService callers = Executors.newFixedThreadPool(BURST);
        List<Future<FanoutReport>> reports = new ArrayList<>();
        try {
            for (int i = 0; i < BURST; i++) {
                reports.add(callers.submit(() -> broadcaster.deliver("acme", "/", Set.of("room"), Set.of(),
                        Set.of(), event())));
            }
            for (Future<FanoutReport> report : reports) {
                assertThat(report.get(30, TimeUnit.SECONDS).delivered()).isEqualTo(1);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(allWriting.getCount()).as("the whole burst was writing at once").isZero();
        assertThat(storedOffsets).hasSize(BURST);
        assertThat(deliveries).hasValue(BURST);
        assertThat(writerThreads.stream().filter(name -> name.equals("skysocket-log-append")).count())
                .as("writes on the pool's threads at once").isLessThanOrEqualTo(ReplayLog.MAX_APPEND_THREADS);
    }

    private ServerContext context() {
        return new ServerContext(SkysocketConfig.from(Settings.of(Map.of())),
                DeclaredServer.configuredBy(io -> io.of("/").connectionStateRecovery(Duration.ofMinutes(2))),
                null, null, null, new ReadOnlyRooms(() -> List.of(new Member("s1", "c1", "e"))), new CountingFanout(),
                null, Clock.systemUTC(), null, null, new WaitingLog());
    }

    private static SocketPacket event() {
        return SocketPacket.event("/", null, JsonNodeFactory.instance.arrayNode().add("said").add("hi"));
    }

    private final class WaitingLog implements BroadcastLog {
        @Override
        public void append(String tenant, String namespace, LoggedPacket packet, long expiresAtSeconds) {
            writerThreads.add(Thread.currentThread().getName());
            allWriting.countDown();
            try {
                allWriting.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            storedOffsets.add(packet.offset());
        }

        @Override
        public List<LoggedPacket> between(String tenant, String namespace, String after, String upTo, long now) {
            return List.of();
        }
    }

    private final class CountingFanout implements Fanout {
        @Override
        public FanoutReport deliver(List<String> frames, Collection<Recipient> recipients) {
            deliveries.incrementAndGet();
            return new FanoutReport(recipients.size(), 0, 0, 0, Duration.ZERO, List.of());
        }
    }
}
