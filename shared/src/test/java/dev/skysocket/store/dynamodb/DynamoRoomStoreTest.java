package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.ENDPOINT;
import static dev.skysocket.store.dynamodb.Fixtures.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.Fixtures.NOW;
import static dev.skysocket.store.dynamodb.Fixtures.id;
import static dev.skysocket.store.dynamodb.Fixtures.socket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.Member;
import dev.skysocket.store.SocketIdPrefix;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoRoomStoreTest {
    private static final OperationRecorder recorder = new OperationRecorder();
    private static DynamoDbClient client;
    private static DynamoDbClient raw;
    private static String table;
    private static DynamoConnectionStore connections;
    private static DynamoRoomStore rooms;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client(recorder);
        raw = DynamoDbLocalServer.client();
        table = DynamoDbLocalServer.freshTable(raw, "rooms");
        connections = Fixtures.connectionStore(client, table, 1, CLOCK);
        rooms = new DynamoRoomStore(client, table, 1, CLOCK);
    }

    @BeforeEach
    void forgetOperations() {
        recorder.clear();
    }

    @AfterAll
    static void close() {
        client.close();
        raw.close();
    }

    @Test
    void a_joined_socket_is_a_member_carrying_what_fanout_needs() {
        SocketRecord s = storedSocket("acme", "/");
        String room = id("room");

        rooms.join(s, ENDPOINT, room, EXPIRES_AT);

        assertThat(rooms.members("acme", "/", room))
                .containsExactly(new Member(s.socketId(), s.connectionId(), ENDPOINT));
        assertThat(storedRooms(s)).containsExactly(room);
    }

    @Test
    void joining_twice_leaves_one_membership() {
        SocketRecord s = storedSocket("acme", "/");
        String room = id("room");

        rooms.join(s, ENDPOINT, room, EXPIRES_AT);
        rooms.join(s, ENDPOINT, room, EXPIRES_AT);

        assertThat(members("acme", "/", room)).hasSize(1);
        assertThat(storedRooms(s)).containsExactly(room);
    }

    @Test
    void the_own_id_room_is_a_membership_but_not_listed_in_the_socket() {
        SocketRecord s = storedSocket("acme", "/");

        rooms.join(s, ENDPOINT, s.socketId(), EXPIRES_AT);

        assertThat(members("acme", "/", s.socketId())).containsExactly(s.socketId());
        assertThat(storedRooms(s)).isEmpty();
    }

    @Test
    void leaving_removes_the_membership_and_the_last_room_removes_the_set() {
        SocketRecord s = storedSocket("acme", "/");
        String a = id("a");
        String b = id("b");
        rooms.join(s, ENDPOINT, a, EXPIRES_AT);
        rooms.join(s, ENDPOINT, b, EXPIRES_AT);

        rooms.leave(s, a);
        assertThat(members("acme", "/", a)).isEmpty();
        assertThat(storedRooms(s)).containsExactly(b);

        rooms.leave(s, b);
        rooms.leave(s, b);
        assertThat(members("acme", "/", b)).isEmpty();
        assertThat(rawSocket(s)).isNotEmpty().doesNotContainKey(DynamoSchema.ROOMS);
    }

    @Test
    void joining_or_leaving_for_a_socket_that_is_gone_stores_nothing() {
        SocketRecord gone = socket(id("c"), "/", "acme");
        String room = id("room");

        rooms.join(gone, ENDPOINT, room, EXPIRES_AT);
        rooms.leave(gone, room);

        assertThat(members("acme", "/", room)).isEmpty();
        assertThat(rawSocket(gone)).isEmpty();
    }

    @Test
    void the_same_room_name_in_two_tenants_never_shares_members() {
        SocketRecord a = storedSocket("tenant-a", "/");
        SocketRecord b = storedSocket("tenant-b", "/");
        rooms.join(a, ENDPOINT, "lobby", EXPIRES_AT);
        rooms.join(b, ENDPOINT, "lobby", EXPIRES_AT);

        assertThat(members("tenant-a", "/", "lobby")).containsExactly(a.socketId());
        assertThat(members("tenant-b", "/", "lobby")).containsExactly(b.socketId());
    }

    @Test
    void the_same_room_name_in_two_namespaces_never_shares_members() {
        SocketRecord root = storedSocket("acme-ns", "/");
        SocketRecord chat = storedSocket("acme-ns", "/chat");
        rooms.join(root, ENDPOINT, "lobby", EXPIRES_AT);
        rooms.join(chat, ENDPOINT, "lobby", EXPIRES_AT);

        assertThat(members("acme-ns", "/", "lobby")).containsExactly(root.socketId());
        assertThat(members("acme-ns", "/chat", "lobby")).containsExactly(chat.socketId());
    }

    @Test
    void separators_inside_names_cannot_forge_another_rooms_key() {
        SocketRecord forged = storedSocket("t#/", "x");
        SocketRecord plain = storedSocket("t", "/#x");
        rooms.join(forged, ENDPOINT, "r#1%23", EXPIRES_AT);
        rooms.join(plain, ENDPOINT, "r", EXPIRES_AT);

        assertThat(members("t#/", "x", "r#1%23")).containsExactly(forged.socketId());
        assertThat(members("t", "/#x", "r")).containsExactly(plain.socketId());
        // Unescaped, each of these would build one of the keys above.
        assertThat(members("t", "/", "x#r#1%23")).isEmpty();
        assertThat(members("t#/", "x", "r")).isEmpty();
        assertThat(members("t#/", "x", "r#1#")).isEmpty();
    }

    @Test
    void members_past_their_ttl_are_ignored() {
        SocketRecord early = storedSocket("acme", "/");
        SocketRecord late = storedSocket("acme", "/");
        String room = id("room");
        long halfHour = NOW.plus(Duration.ofMinutes(30)).getEpochSecond();
        rooms.join(early, ENDPOINT, room, halfHour);
        rooms.join(late, ENDPOINT, room, EXPIRES_AT);

        Clock in45Minutes = Clock.fixed(NOW.plus(Duration.ofMinutes(45)), ZoneOffset.UTC);
        DynamoRoomStore later = new DynamoRoomStore(client, table, 1, in45Minutes);

        assertThat(later.members("acme", "/", room)).extracting(Member::socketId).containsExactly(late.socketId());
        assertThat(new DynamoRoomStore(client, table, 1, Fixtures.afterExpiry()).members("acme", "/", room)).isEmpty();
    }

    @Test
    void a_large_room_is_read_lazily_page_by_page() {
        String room = id("big");
        List<String> expected = new ArrayList<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            SocketRecord s = socket(id("c"), "/", "acme");
            expected.add(s.socketId());
            items.add(ItemMapper.membershipItem(s, room, ENDPOINT, EXPIRES_AT, 1));
        }
        new BatchWriter(raw, table).putAll(items);
        recorder.clear();

        Iterator<Member> iterator = rooms.members("acme", "/", room).iterator();
        iterator.next();
        assertThat(recorder.operations()).containsExactly("Query");

        assertThat(members("acme", "/", room)).hasSize(1_200).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recorder.operations()).containsOnly("Query").hasSizeGreaterThanOrEqualTo(1 + 2);
    }

    @Test
    void a_sharded_room_spreads_over_partitions_and_is_read_back_whole() {
        DynamoRoomStore sharded = new DynamoRoomStore(client, table, 4, CLOCK, 10);
        String room = id("sharded");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            SocketRecord s = storedSocket("acme", "/");
            sharded.join(s, ENDPOINT, room, EXPIRES_AT);
            expected.add(s.socketId());
        }
        recorder.clear();

        assertThat(StreamSupport.stream(sharded.members("acme", "/", room).spliterator(), false)
                .map(Member::socketId)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recorder.operations()).containsOnly("Query");
        long usedShards = java.util.stream.IntStream.range(0, 4)
                .filter(shard -> raw.query(r -> r.tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK))
                        .expressionAttributeValues(Map.of(":pk",
                                AttributeValue.fromS(DynamoSchema.roomPk("acme", "/", room, shard, 4))))).count() > 0)
                .count();
        assertThat(usedShards).isGreaterThan(1);
    }

    @Test
    void members_is_an_iterable_that_queries_again_on_each_iteration() {
        SocketRecord s = storedSocket("acme", "/");
        String room = id("room");
        Iterable<Member> members = rooms.members("acme", "/", room);
        assertThat(members).isEmpty();

        rooms.join(s, ENDPOINT, room, EXPIRES_AT);

        assertThat(members).extracting(Member::socketId).containsExactly(s.socketId());
    }

    @Test
    void members_elsewhere_leaves_out_one_endpoints_members_across_pages() {
        DynamoRoomStore smallPages = new DynamoRoomStore(client, table, 1, CLOCK, 2);
        String room = id("room");
        String node = "http://10.0.0.9:3002";
        List<String> remote = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SocketRecord local = storedSocket("acme", "/");
            smallPages.join(local, node, room, EXPIRES_AT);
            SocketRecord elsewhere = storedSocket("acme", "/");
            smallPages.join(elsewhere, ENDPOINT, room, EXPIRES_AT);
            remote.add(elsewhere.socketId());
        }

        assertThat(smallPages.membersElsewhere("acme", "/", room, node))
                .extracting(Member::socketId).containsExactlyInAnyOrderElementsOf(remote);
        assertThat(smallPages.membersElsewhere("acme", "/", room, ENDPOINT)).hasSize(5)
                .allMatch(member -> member.endpoint().equals(node));
        assertThat(smallPages.members("acme", "/", room)).hasSize(10);
    }

    @Test
    void members_elsewhere_never_reads_the_members_whose_ids_carry_the_endpoints_prefix() {
        String room = id("room");
        String node = "http://10.0.0.9:3002";
        for (int i = 0; i < 30; i++) {
            rooms.join(storedSocket(SocketIdPrefix.of(node) + id("s")), node, room, EXPIRES_AT);
        }
        List<String> remote = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SocketRecord elsewhere = storedSocket(SocketIdPrefix.of(ENDPOINT) + id("s"));
            rooms.join(elsewhere, ENDPOINT, room, EXPIRES_AT);
            remote.add(elsewhere.socketId());
        }
        // Made before ids carried a prefix: read, then dropped by the endpoint filter.
        rooms.join(storedSocket(id("legacy")), node, room, EXPIRES_AT);
        recorder.clear();

        assertThat(rooms.membersElsewhere("acme", "/", room, node))
                .extracting(Member::socketId).containsExactlyInAnyOrderElementsOf(remote);
        assertThat(recorder.operations()).containsExactly("Query", "Query");
        assertThat(recorder.scanned()).isEqualTo(4);
        assertThat(rooms.members("acme", "/", room)).hasSize(34);
    }

    private static SocketRecord storedSocket(String socketId) {
        SocketRecord s = new SocketRecord(id("c"), "/", socketId, "acme", java.util.Set.of(), "{}", null,
                NOW.toEpochMilli());
        connections.putSocket(s);
        return s;
    }

    @Test
    void memberships_of_a_socket_stored_with_its_rooms_are_one_batch_and_one_version_update_and_leave_as_usual() {
        String room = id("room");
        SocketRecord s = socket(id("c"), "/", "acme");
        SocketRecord listed = new SocketRecord(s.connectionId(), s.namespace(), s.socketId(), s.tenant(),
                java.util.Set.of(room), null, null, s.connectedAt());
        connections.putSocket(listed);
        recorder.clear();

        rooms.addMemberships(listed, ENDPOINT, List.of(listed.socketId(), room), EXPIRES_AT);

        // The update raises the socket's rooms version: a removal racing this one then reads the rooms again.
        assertThat(recorder.operations()).containsExactly("BatchWriteItem", "UpdateItem");
        assertThat(members("acme", "/", room)).containsExactly(listed.socketId());
        assertThat(members("acme", "/", listed.socketId())).containsExactly(listed.socketId());
        rooms.leave(listed, room);
        assertThat(members("acme", "/", room)).isEmpty();
        assertThat(storedRooms(listed)).isEmpty();
    }

    private static SocketRecord storedSocket(String tenant, String namespace) {
        SocketRecord s = socket(id("c"), namespace, tenant);
        connections.putSocket(s);
        return s;
    }

    private static List<String> members(String tenant, String namespace, String room) {
        return StreamSupport.stream(rooms.members(tenant, namespace, room).spliterator(), false)
                .map(Member::socketId).toList();
    }

    private static java.util.Set<String> storedRooms(SocketRecord s) {
        return connections.findSocket(s.connectionId(), s.namespace()).orElseThrow().rooms();
    }

    private static Map<String, AttributeValue> rawSocket(SocketRecord s) {
        return raw.getItem(r -> r.tableName(table).consistentRead(true)
                .key(DynamoSchema.socketKey(s.connectionId(), s.namespace()))).item();
    }
}
