package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.KeptSession;
import dev.skysocket.store.LoggedPacket;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Kept sessions and the broadcast log on DynamoDB Local. */
class DynamoRecoveryStoresTest {
    private static final DynamoDbClient client = DynamoDbLocalServer.client();
    private static final long T = Instant.now().toEpochMilli();

    @AfterAll
    static void close() {
        client.close();
    }

    private static KeptSession session(String pid) {
        return new KeptSession(pid, "t", "/", "sock-1", Set.of("lobby", "news"), "{\"name\":\"ann\"}", T - 5_000, T);
    }

    @Test
    void aKeptSessionIsTakenBackOnceWithItsRoomsAndData() {
        DynamoRecoveryStore store = new DynamoRecoveryStore(client, DynamoDbLocalServer.freshTable(client, "kept"));
        store.keep(session("pid-1"), T / 1000 + 120);

        assertThat(store.take("pid-1", T)).contains(session("pid-1"));
        assertThat(store.take("pid-1", T)).as("taken already").isEmpty();
        assertThat(store.take("someone-else", T)).isEmpty();
    }

    @Test
    void twoReconnectsPresentingOnePidNeverBothGetTheSession() throws Exception {
        DynamoRecoveryStore store = new DynamoRecoveryStore(client, DynamoDbLocalServer.freshTable(client, "kept"));
        store.keep(session("pid-2"), T / 1000 + 120);
        ConcurrentLinkedQueue<Optional<KeptSession>> results = new ConcurrentLinkedQueue<>();
        List<Thread> threads = IntStream.range(0, 4).mapToObj(i -> new Thread(() -> results.add(store.take("pid-2", T))))
                .toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        assertThat(results).hasSize(4);
        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
    }

    @Test
    void aSessionPastItsTtlIsNotGivenBackEvenBeforeDynamoDbDeletesIt() {
        DynamoRecoveryStore store = new DynamoRecoveryStore(client, DynamoDbLocalServer.freshTable(client, "kept"));
        store.keep(session("pid-3"), T / 1000 + 120);

        assertThat(store.take("pid-3", T + 122_000)).isEmpty();
    }

    @Test
    void thePidKeyIsCreatedOnceAndEveryProcessReadsTheSameOne() {
        String table = DynamoDbLocalServer.freshTable(client, "kept");
        byte[] first = new DynamoRecoveryStore(client, table).pidKey();
        byte[] second = new DynamoRecoveryStore(client, table).pidKey();

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(new DynamoRecoveryStore(client, DynamoDbLocalServer.freshTable(client, "kept")).pidKey())
                .isNotEqualTo(first);
    }

    @Test
    void theLogReturnsThePacketsAfterAnOffsetUpToACutInOffsetOrderAcrossPages() {
        DynamoBroadcastLog log = new DynamoBroadcastLog(client, DynamoDbLocalServer.freshTable(client, "log"));
        // 300 items of ~3 KB: more than one 1 MB Query page.
        String big = "x".repeat(3_000);
        for (int i = 299; i >= 0; i--) { // written out of order: the sort key orders them
            log.append("t", "/", packet(i, big), T / 1000 + 300);
        }
        log.append("t", "/other", packet(150, big), T / 1000 + 300);
        log.append("u", "/", packet(151, big), T / 1000 + 300);

        List<LoggedPacket> read = log.between("t", "/", offset(10), offset(289), T);

        assertThat(read).extracting(LoggedPacket::offset)
                .containsExactlyElementsOf(IntStream.rangeClosed(11, 289).mapToObj(DynamoRecoveryStoresTest::offset).toList());
        assertThat(read.get(0).rooms()).containsExactly("room-11");
        assertThat(read.get(0).exceptSockets()).containsExactly("sock-x");
        assertThat(read.get(0).exceptRooms()).isEmpty();
        assertThat(read.get(0).frames()).containsExactly("42[\"e\",11]", big);
    }

    @Test
    void logItemsPastTheirTtlAreSkipped() {
        DynamoBroadcastLog log = new DynamoBroadcastLog(client, DynamoDbLocalServer.freshTable(client, "log"));
        log.append("t", "/", packet(1, "a"), T / 1000 + 10);
        log.append("t", "/", packet(2, "b"), T / 1000 + 100);

        assertThat(log.between("t", "/", offset(0), offset(9), T + 50_000)).extracting(LoggedPacket::offset)
                .containsExactly(offset(2));
    }

    private static LoggedPacket packet(int i, String extra) {
        return new LoggedPacket(offset(i), Set.of("room-" + i), Set.of(), Set.of("sock-x"),
                List.of("42[\"e\"," + i + "]", extra));
    }

    private static String offset(int i) {
        return String.format("%024x", i);
    }
}
