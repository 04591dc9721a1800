package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.Emitter;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.Member;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.dynamodb.DynamoConnectionStore;
import dev.skysocket.store.dynamodb.DynamoRoomStore;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A room larger than one Query page (2,500 members, 1,000 per page) on DynamoDB Local: selections page through
 * every member, never Scan, and bulk operations reach sockets on every page.
 */
class LargeRoomSelectionTest {
    private static final int MEMBERS = 2_500;
    private static final int IN_HALF = 1_000;
    private static final String ENDPOINT = "https://abc123.execute-api.us-east-1.amazonaws.com/prod";
    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long EXPIRES_AT = NOW.plus(Duration.ofHours(1)).getEpochSecond();

    private static final OperationRecorder recorder = new OperationRecorder();
    private static DynamoDbClient client;
    private static DynamoConnectionStore connections;
    private static DynamoRoomStore rooms;
    private static Emitter emitter;
    private static final Set<String> bigRoom = new HashSet<>();
    private static final Set<String> halfRoom = new HashSet<>();

    @BeforeAll
    static void fillARoomOfMoreThanTwoPages() throws Exception {
        client = DynamoDbLocalServer.client(recorder);
        String table = DynamoDbLocalServer.freshTable(client, "large");
        connections = new DynamoConnectionStore(client, table, 1, connectedAt -> EXPIRES_AT, CLOCK);
        rooms = new DynamoRoomStore(client, table, 1, CLOCK);
        assertThat(DynamoRoomStore.DEFAULT_PAGE_SIZE).isLessThan(MEMBERS);
        ServerContext ctx = new ServerContext(SkysocketConfig.from(Settings.of(Map.of("skysocket.table", table))),
                DeclaredServer.configuredBy(io -> io.of("/")), connections, connections, connections, rooms, null, null,
                CLOCK);
        emitter = new StoreEmitter(ctx, "acme");
        // Loaded on a few threads: DynamoDB Local answers one call at a time per connection.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> loads = IntStream.range(0, MEMBERS)
                    .mapToObj(i -> pool.submit(() -> storeMember(i < IN_HALF))).toList();
            for (int i = 0; i < loads.size(); i++) {
                String socketId = loads.get(i).get();
                bigRoom.add(socketId);
                if (i < IN_HALF) {
                    halfRoom.add(socketId);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @BeforeEach
    void forgetOperations() {
        recorder.clear();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void fetchSocketsPagesThroughTheWholeRoomWithQueriesOnly() {
        List<RemoteSocket> sockets = emitter.of("/").in("big").fetchSockets();

        assertThat(sockets).extracting(RemoteSocket::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(bigRoom);
        // Three pages of the room (1,000 + 1,000 + 500), then each member's connection and socket items.
        assertThat(recorder.operations()).containsOnly("Query", "GetItem").hasSize(3 + 2 * MEMBERS);
        assertThat(recorder.operations().stream().filter("Query"::equals)).hasSize(3);
    }

    @Test
    void exceptLeavesOutTheMembersOfAnotherLargeRoom() {
        Set<String> expected = new HashSet<>(bigRoom);
        expected.removeAll(halfRoom);

        assertThat(emitter.of("/").in("big").except("half").fetchSockets()).extracting(RemoteSocket::id)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recorder.operations()).doesNotContain("Scan");
    }

    @Test
    void socketsJoinAndLeaveReachMembersOnEveryPage() {
        String room = "gathered-" + UUID.randomUUID();
        emitter.of("/").in("big").except("half").socketsJoin(room);

        Set<String> expected = new HashSet<>(bigRoom);
        expected.removeAll(halfRoom);
        assertThat(members(room)).containsExactlyInAnyOrderElementsOf(expected);

        emitter.of("/").in(room).socketsLeave(room);
        assertThat(members(room)).isEmpty();
        assertThat(recorder.operations()).doesNotContain("Scan");
    }

    private static List<String> members(String room) {
        return StreamSupport.stream(rooms.members("acme", "/", room).spliterator(), false)
                .map(Member::socketId).toList();
    }

    /** One connection with a socket in {@code /}, a member of "big" (and of "half" when asked). */
    private static String storeMember(boolean inHalf) {
        String connectionId = "c" + UUID.randomUUID();
        String socketId = "s" + UUID.randomUUID();
        connections.create(new ConnectionRecord(connectionId, ENDPOINT, "websocket", true, "acme", null,
                "203.0.113.7", Map.of(), Map.of("EIO", "4"), NOW.toEpochMilli(), NOW.toEpochMilli() + 540_000,
                false, true, EXPIRES_AT, null));
        Set<String> joined = inHalf ? Set.of("big", "half") : Set.of("big");
        SocketRecord socket = new SocketRecord(connectionId, "/", socketId, "acme", joined, "{}", null,
                NOW.toEpochMilli());
        connections.putSocket(socket);
        rooms.addMemberships(socket, ENDPOINT, joined, EXPIRES_AT);
        return socketId;
    }
}
