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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * On a gateway node a broadcast hands its own members their frames before the recovery log's write is handed to
 * another thread: woken first, that thread could take one of two busy cores from the broadcast for the SDK's
 * client-side work. The members elsewhere are read, and reached, while the write runs; the broadcast returns once
 * it has landed. Each delivery here waits (up to a second) for the write to start, and notes whether it did.
 */
class HeldMembersFirstTest {
    private final CountDownLatch writeStarted = new CountDownLatch(1);
    private final AtomicBoolean stored = new AtomicBoolean();
    private final List<Boolean> writeStartedAtDelivery = new CopyOnWriteArrayList<>();
    private final AtomicBoolean readAfterWriteStarted = new AtomicBoolean();

    @Test
    void theNodesOwnMembersGetTheirFramesBeforeTheLogWriteStartsAndTheRestAfter() {
        ServerContext ctx = new ServerContext(SkysocketConfig.from(Settings.of(Map.of())),
                DeclaredServer.configuredBy(io -> io.of("/").connectionStateRecovery(Duration.ofMinutes(2))),
                null, null, null, new ReadOnlyRooms(this::readRoom, held), new WaitingFanout(), null, Clock.systemUTC(), null, null,
                new NotingLog());

        FanoutReport report = new Broadcaster(ctx).deliver("acme", "/", Set.of("room"), Set.of(), Set.of(),
                SocketPacket.event("/", null, JsonNodeFactory.instance.arrayNode().add("said").add("hi")));

        assertThat(writeStartedAtDelivery).as("held members first, then the member elsewhere")
                .containsExactly(false, true);
        assertThat(readAfterWriteStarted).as("the room read overlaps the write").isTrue();
        assertThat(stored).as("the item landed before the broadcast returned").isTrue();
        assertThat(report.delivered()).isEqualTo(3);
    }

    private final List<Member> held = List.of(new Member("s1", "c1", "here"), new Member("s2", "c2", "here"));

    /** The read finds the held members and one more on another endpoint; it notes whether the write had started. */
    private Iterable<Member> readRoom() {
        readAfterWriteStarted.set(writeStarted.getCount() == 0 || awaitWrite());
        return List.of(held.get(0), held.get(1), new Member("s3", "c3", "elsewhere"));
    }

    private final class WaitingFanout implements Fanout {
        @Override
        public FanoutReport deliver(List<String> frames, Collection<Recipient> recipients) {
            writeStartedAtDelivery.add(awaitWrite());
            return new FanoutReport(recipients.size(), 0, 0, 0, Duration.ZERO, List.of());
        }
    }

    private final class NotingLog implements BroadcastLog {
        @Override
        public void append(String tenant, String namespace, LoggedPacket packet, long expiresAtSeconds) {
            writeStarted.countDown();
            stored.set(true);
        }

        @Override
        public List<LoggedPacket> between(String tenant, String namespace, String after, String upTo, long now) {
            return List.of();
        }
    }

    private boolean awaitWrite() {
        try {
            return writeStarted.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
