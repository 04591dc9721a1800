package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.PresenceRooms;
import dev.skysocket.store.PresenceStore.PresenceEntry;
import dev.skysocket.store.PresenceStore.PresenceKey;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoPresenceStoreTest {
    private static final OperationRecorder recorder = new OperationRecorder();
    private static DynamoDbClient client;
    private static String table;
    private static DynamoPresenceStore presence;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client(recorder);
        table = DynamoDbLocalServer.freshTable(client, "presence");
        presence = new DynamoPresenceStore(client, table, CLOCK);
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
    void a_user_with_three_sockets_is_one_member_until_the_last_socket_leaves() {
        String room = id("room");
        PresenceKey alice = key(room, "alice");

        assertThat(presence.join(alice, "s1", "\"alice\"", EXPIRES_AT)).as("first socket").isTrue();
        assertThat(presence.join(alice, "s2", "\"alice\"", EXPIRES_AT)).as("second socket").isFalse();
        assertThat(presence.join(alice, "s3", "\"alice\"", EXPIRES_AT)).as("third socket").isFalse();
        assertThat(presence.members("acme", "/", room)).containsExactly(new PresenceEntry("alice", "\"alice\""));

        assertThat(presence.leave(alice, "s1")).isFalse();
        assertThat(presence.leave(alice, "s3")).isFalse();
        assertThat(presence.members("acme", "/", room)).hasSize(1);
        assertThat(presence.leave(alice, "s2")).as("last socket").isTrue();
        assertThat(presence.members("acme", "/", room)).isEmpty();
        assertThat(itemCount(room)).as("items left in the room's partition").isZero();
    }

    @Test
    void leaving_with_a_socket_that_never_joined_announces_nothing_and_writes_nothing() {
        String room = id("room");

        assertThat(presence.leave(key(room, "bob"), "s1")).isFalse();
        presence.join(key(room, "bob"), "s1", "null", EXPIRES_AT);
        assertThat(presence.leave(key(room, "bob"), "other")).isFalse();

        assertThat(presence.members("acme", "/", room)).extracting(PresenceEntry::memberId).containsExactly("bob");
        assertThat(itemCount(room)).isOne();
    }

    @Test
    void members_are_sorted_by_id_and_scoped_to_tenant_namespace_and_room() {
        String room = id("room");
        presence.join(key(room, "carol"), "s3", "\"carol\"", EXPIRES_AT);
        presence.join(key(room, "alice"), "s1", "\"alice\"", EXPIRES_AT);
        presence.join(key(room, "bob#1"), "s2", "null", EXPIRES_AT);
        presence.join(new PresenceKey("other", "/", room, "mallory"), "s9", "null", EXPIRES_AT);
        presence.join(new PresenceKey("acme", "/admin", room, "root"), "s8", "null", EXPIRES_AT);

        assertThat(presence.members("acme", "/", room)).extracting(PresenceEntry::memberId)
                .containsExactly("alice", "bob#1", "carol");
    }

    @Test
    void an_entry_past_its_ttl_is_not_listed_and_a_join_over_it_is_an_arrival() {
        String room = id("room");
        DynamoPresenceStore later = new DynamoPresenceStore(client, table, Fixtures.afterExpiry());
        presence.join(key(room, "dave"), "old", "\"dave\"", EXPIRES_AT);

        assertThat(later.members("acme", "/", room)).isEmpty();
        assertThat(later.join(key(room, "dave"), "new", "\"dave\"", EXPIRES_AT + 7200)).isTrue();
        assertThat(later.leave(key(room, "dave"), "old")).as("the stale socket is no longer listed").isFalse();
        assertThat(later.leave(key(room, "dave"), "new")).isTrue();
    }

    @Test
    void sockets_of_one_user_joining_and_leaving_at_once_announce_exactly_one_arrival_and_one_departure()
            throws Exception {
        String room = id("room");
        PresenceKey erin = key(room, "erin");
        int sockets = 8;
        ExecutorService pool = Executors.newFixedThreadPool(sockets);
        try {
            assertThat(countTrue(pool, sockets, i -> presence.join(erin, "s" + i, "\"erin\"", EXPIRES_AT))).isOne();
            assertThat(countTrue(pool, sockets, i -> presence.leave(erin, "s" + i))).isOne();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(presence.members("acme", "/", room)).isEmpty();
    }

    /** The figures docs/presence.md states: calls per join, leave and listing. */
    @Test
    void a_join_is_one_update_a_last_leave_an_update_and_a_delete_and_a_listing_one_query() {
        String room = id("room");
        PresenceKey frank = key(room, "frank");

        presence.join(frank, "s1", "\"frank\"", EXPIRES_AT);
        assertThat(recorder.operations()).containsExactly("UpdateItem");
        recorder.clear();
        presence.join(frank, "s2", "\"frank\"", EXPIRES_AT);
        presence.leave(frank, "s2");
        assertThat(recorder.operations()).containsExactly("UpdateItem", "UpdateItem");
        recorder.clear();
        presence.members("acme", "/", room);
        assertThat(recorder.operations()).containsExactly("Query");
        recorder.clear();
        presence.leave(frank, "s1");
        assertThat(recorder.operations()).containsExactly("UpdateItem", "DeleteItem");
    }

    @Test
    void a_socket_removed_without_handlers_leaves_presence_through_its_marker_room() {
        DynamoConnectionStore connections = Fixtures.connectionStore(client, table, 1, CLOCK);
        String connectionId = id("conn");
        connections.create(Fixtures.connection(connectionId));
        String room = id("room");
        SocketRecord socket = Fixtures.socket(connectionId, "/", "acme");
        socket = socket.withRooms(Set.of(room, PresenceRooms.marker(room, socket.socketId())));
        connections.putSocket(socket);
        presence.join(key(room, socket.socketId()), socket.socketId(), "null", EXPIRES_AT);

        connections.remove(connectionId); // what a 410 during fan-out does

        assertThat(presence.members("acme", "/", room)).isEmpty();
    }

    private static PresenceKey key(String room, String member) {
        return new PresenceKey("acme", "/", room, member);
    }

    private static int itemCount(String room) {
        return client.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(java.util.Map.of(":pk", Attributes.s(
                        DynamoSchema.presencePk("acme", "/", room))))).count();
    }

    private interface Step {
        boolean run(int index) throws Exception;
    }

    private static int countTrue(ExecutorService pool, int n, Step step) throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<Boolean> call = () -> step.run(index);
            results.add(pool.submit(call));
        }
        int trues = 0;
        for (Future<Boolean> result : results) {
            if (result.get(30, TimeUnit.SECONDS)) {
                trues++;
            }
        }
        return trues;
    }
}
