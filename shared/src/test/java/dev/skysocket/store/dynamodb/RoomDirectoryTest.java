package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.EXPIRES_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.store.RoomDirectory;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.RoomRegistrations;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;

/**
 * The room directory on DynamoDB Local and a process's registrations in it: one UpdateItem per endpoint and room
 * until half the entry's lifetime, the notices a member registration sends (to every other endpoint listed) and a
 * watcher's does not, and what notices add to a registration.
 */
class RoomDirectoryTest {
    private static final long LIFETIME_MS = Duration.ofHours(3).toMillis();
    private static final long HOUR_MS = DirectoryElements.ROUNDING_SECONDS * 1000;
    private static final OperationRecorder recorder = new OperationRecorder();
    private static DynamoDbClient client;
    private static String table;

    /** A notice as a sender would pass it: to whom, the room, the endpoint with new members. */
    private record Told(Set<String> to, RoomKey room, String endpoint) {
    }

    private final List<Told> told = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong(CLOCK.millis());
    private RoomRegistrations registrations;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client(recorder);
        table = DynamoDbLocalServer.freshTable(client, "directory");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void fresh() {
        registrations = registrations(new DynamoRoomDirectory(client, table));
        recorder.clear();
    }

    private RoomRegistrations registrations(RoomDirectory directory) {
        return new RoomRegistrations(directory, (to, room, endpoint) -> {
            told.add(new Told(Set.copyOf(to), room, endpoint));
            return 0;
        }, LIFETIME_MS, now::get);
    }

    private static RoomKey room(String name) {
        return new RoomKey("acme", "/", name + "-" + System.nanoTime());
    }

    private long updates() {
        return recorder.operations().stream().filter("UpdateItem"::equals).count();
    }

    @Test
    void anEndpointRegistersInARoomOnceUntilHalfTheLifetimeHasPassed() {
        RoomKey room = room("once");
        registrations.beforeJoin("http://10.0.0.1:3002", room);
        registrations.beforeJoin("http://10.0.0.1:3002", room);
        registrations.othersKnown("http://10.0.0.1:3002", room);
        assertThat(updates()).isEqualTo(1);

        now.addAndGet(LIFETIME_MS / 2);
        registrations.beforeJoin("http://10.0.0.1:3002", room);
        assertThat(updates()).isEqualTo(2);
    }

    @Test
    void aMemberRegistrationLearnsTheOtherMembersAndTellsMembersAndWatchers() {
        RoomKey room = room("learns");
        RoomRegistrations otherProcess = registrations(new DynamoRoomDirectory(client, table));
        otherProcess.beforeJoin("http://10.0.0.2:3002", room);
        otherProcess.othersKnown("http://10.0.0.3:3002", room); // a node that only broadcasts: a watcher
        assertThat(told).isEmpty();

        registrations.beforeJoin("http://10.0.0.1:3002", room);

        assertThat(registrations.othersKnown("http://10.0.0.1:3002", room)).containsExactly("http://10.0.0.2:3002");
        assertThat(told).containsExactly(new Told(Set.of("http://10.0.0.2:3002", "http://10.0.0.3:3002"), room,
                "http://10.0.0.1:3002"));
        // The watcher's own answer listed the member registered before it.
        assertThat(otherProcess.othersKnown("http://10.0.0.3:3002", room)).containsExactly("http://10.0.0.2:3002");
    }

    @Test
    void aWatcherKnowsNoOtherMembersUntilANoticeAndANoticeAboutItselfChangesNothing() {
        RoomKey room = room("watch");
        Set<String> others = registrations.othersKnown("http://10.0.0.1:3002", room);
        assertThat(others).isEmpty();

        registrations.noticed(room, "http://10.0.0.1:3002");
        registrations.noticed(room(("elsewhere")), "http://10.0.0.9:3002");
        assertThat(registrations.othersKnown("http://10.0.0.1:3002", room)).isEmpty();

        registrations.noticed(room, "https://abc.execute-api.us-east-1.amazonaws.com/prod");
        assertThat(registrations.othersKnown("http://10.0.0.1:3002", room))
                .containsExactly("https://abc.execute-api.us-east-1.amazonaws.com/prod");
        assertThat(updates()).isEqualTo(1);
    }

    @Test
    void aRegistrationSaysNoMembersElsewhereOnlyOnceARoomReadSeededItAndUntilANoticeNamesOne() {
        RoomKey room = room("seed");
        RoomRegistrations.Known known = registrations.known("http://10.0.0.1:3002", room);
        assertThat(known.noMembersElsewhere()).as("members stored without a registration are unknown").isFalse();

        known.seed(Set.of("http://10.0.0.1:3002"));
        assertThat(known.noMembersElsewhere()).isTrue();
        assertThat(registrations.known("http://10.0.0.1:3002", room).needsSeed()).isFalse();

        registrations.noticed(room, "http://10.0.0.2:3002");
        assertThat(known.noMembersElsewhere()).isFalse();

        now.addAndGet(LIFETIME_MS / 2);
        assertThat(registrations.known("http://10.0.0.1:3002", room).needsSeed()).as("renewed").isTrue();
    }

    @Test
    void aJoinAfterAWatchRegistersAsAMember() {
        RoomKey room = room("upgrade");
        registrations.othersKnown("http://10.0.0.1:3002", room);
        registrations.beforeJoin("http://10.0.0.1:3002", room);
        registrations.othersKnown("http://10.0.0.1:3002", room);

        RoomRegistrations otherProcess = registrations(new DynamoRoomDirectory(client, table));
        assertThat(otherProcess.othersKnown("http://10.0.0.2:3002", room)).containsExactly("http://10.0.0.1:3002");
        assertThat(updates()).isEqualTo(3);
    }

    @Test
    void aFailedRegistrationThrowsAndTheNextCallRegistersAgain() {
        AtomicBoolean failing = new AtomicBoolean(true);
        DynamoRoomDirectory store = new DynamoRoomDirectory(client, table);
        // A throttled or failing store cannot be produced on DynamoDB Local: this one fails while asked to.
        RoomRegistrations flaky = registrations((room, endpoint, member, expiresAt, nowSeconds) -> {
            if (failing.get()) {
                throw InternalServerErrorException.builder().message("failing").build();
            }
            return store.register(room, endpoint, member, expiresAt, nowSeconds);
        });
        RoomKey room = room("flaky");
        assertThatThrownBy(() -> flaky.beforeJoin("http://10.0.0.1:3002", room))
                .isInstanceOf(InternalServerErrorException.class);
        assertThat(flaky.size()).isZero();

        failing.set(false);
        flaky.beforeJoin("http://10.0.0.1:3002", room);
        assertThat(flaky.size()).isEqualTo(1);
    }

    @Test
    void theStoreRegistersEveryJoinedRoomButTheSocketsOwnIdBeforeWritingTheMembership() {
        DynamoRoomStore rooms = new DynamoRoomStore(client, table, 1, CLOCK, DynamoRoomStore.DEFAULT_PAGE_SIZE,
                registrations);
        DynamoConnectionStore connections = Fixtures.connectionStore(client, table, 1, CLOCK);
        SocketRecord socket = Fixtures.socket(Fixtures.id("conn"), "/", "acme");
        connections.putSocket(socket);
        recorder.clear();

        rooms.addMemberships(socket, "http://10.0.0.1:3002", List.of(socket.socketId(), "lobby"), EXPIRES_AT);
        rooms.join(socket, "http://10.0.0.1:3002", "second", EXPIRES_AT);
        rooms.join(socket, "http://10.0.0.1:3002", "second", EXPIRES_AT);

        assertThat(registrations.size()).isEqualTo(2);
        List<String> operations = recorder.operations();
        assertThat(operations.indexOf("UpdateItem")).isLessThan(operations.indexOf("BatchWriteItem"));
        RoomRegistrations otherProcess = registrations(new DynamoRoomDirectory(client, table));
        assertThat(otherProcess.othersKnown("http://10.0.0.2:3002", new RoomKey("acme", "/", "lobby")))
                .containsExactly("http://10.0.0.1:3002");
        assertThat(otherProcess.othersKnown("http://10.0.0.2:3002", new RoomKey("acme", "/", socket.socketId())))
                .isEmpty();
    }

    @Test
    void anEndpointWhoseRegistrationsAllExpiredIsNeitherListedNorTold() {
        RoomKey room = room("departed");
        registrations.beforeJoin("http://10.0.0.1:3002", room);
        registrations.othersKnown("http://10.0.0.3:3002", room);
        now.addAndGet(LIFETIME_MS + HOUR_MS + 1_000);  // a node gone in a deploy: nobody renews its registrations
        told.clear();

        RoomRegistrations later = registrations(new DynamoRoomDirectory(client, table));
        later.beforeJoin("http://10.0.0.2:3002", room);

        assertThat(later.othersKnown("http://10.0.0.2:3002", room)).isEmpty();
        assertThat(told).isEmpty();
    }

    @Test
    void expiredElementsAreDeletedOnceABatchIsPastItsGrace() {
        RoomKey room = room("pruned");
        for (int node = 0; node < DynamoRoomDirectory.DELETE_BATCH; node++) {
            registrations.beforeJoin("http://10.0.1." + node + ":3002", room);
        }
        now.addAndGet(LIFETIME_MS + 2 * HOUR_MS + 1_000);

        registrations(new DynamoRoomDirectory(client, table)).beforeJoin("http://10.0.0.2:3002", room);

        assertThat(elements(room, DynamoSchema.ENDPOINTS)).containsExactly(
                DirectoryElements.of("http://10.0.0.2:3002", (now.get() + LIFETIME_MS) / 1000));
    }

    @Test
    void theWarmEnvironmentsOfOneEndpointShareItsElements() {
        RoomKey room = room("lambda");
        for (int environment = 0; environment < 20; environment++) {  // one per minute, each its own process
            registrations(new DynamoRoomDirectory(client, table)).beforeJoin("https://api.example/dev", room);
            now.addAndGet(60_000);
        }

        assertThat(elements(room, DynamoSchema.ENDPOINTS)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aRenewedEndpointStaysListedWhileItsNewestRegistrationLives() {
        RoomKey room = room("renewed");
        long first = now.get();
        registrations.beforeJoin("http://10.0.0.1:3002", room);
        now.addAndGet(LIFETIME_MS / 2 + 1_000);
        registrations.beforeJoin("http://10.0.0.1:3002", room);
        now.set(first + LIFETIME_MS + HOUR_MS + 1_000);  // the first registration's element has expired

        RoomRegistrations later = registrations(new DynamoRoomDirectory(client, table));

        assertThat(later.othersKnown("http://10.0.0.2:3002", room)).containsExactly("http://10.0.0.1:3002");
        assertThat(elements(room, DynamoSchema.ENDPOINTS)).hasSize(2);
    }

    @Test
    void anEndpointWrittenWithoutAnExpiryIsListedUntilTheItemGoes() {
        RoomKey room = room("plain");
        client.updateItem(r -> r.tableName(table)
                .key(DynamoSchema.roomDirectoryKey(room.tenant(), room.namespace(), room.room()))
                .updateExpression("ADD #set :old")
                .expressionAttributeNames(Map.of("#set", DynamoSchema.ENDPOINTS))
                .expressionAttributeValues(Map.of(":old", AttributeValue.fromSs(List.of("http://10.0.0.9:3002")))));
        now.addAndGet(10 * LIFETIME_MS);

        assertThat(registrations.othersKnown("http://10.0.0.2:3002", room)).containsExactly("http://10.0.0.9:3002");
    }

    /** The raw elements of one of the room's sets. */
    private static List<String> elements(RoomKey room, String set) {
        AttributeValue value = client.getItem(r -> r.tableName(table).consistentRead(true)
                .key(DynamoSchema.roomDirectoryKey(room.tenant(), room.namespace(), room.room()))).item().get(set);
        return value == null ? List.of() : value.ss();
    }
}
