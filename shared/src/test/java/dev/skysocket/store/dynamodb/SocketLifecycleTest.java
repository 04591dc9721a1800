package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.ENDPOINT;
import static dev.skysocket.store.dynamodb.Fixtures.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.Fixtures.NOW;
import static dev.skysocket.store.dynamodb.Fixtures.connection;
import static dev.skysocket.store.dynamodb.Fixtures.id;
import static dev.skysocket.store.dynamodb.Fixtures.socket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.Member;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sockets in the connection's partition, and the removal cascade down to room memberships. */
class SocketLifecycleTest {
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
        table = DynamoDbLocalServer.freshTable(raw, "sockets");
        connections = Fixtures.connectionStore(client, table, 1, CLOCK);
        rooms = new DynamoRoomStore(client, table, 1, CLOCK);
    }

    @AfterAll
    static void neverScannedAndClose() {
        assertThat(recorder.operations()).isNotEmpty().doesNotContain("Scan");
        client.close();
        raw.close();
    }

    @Test
    void a_socket_is_found_by_connection_and_namespace_with_every_field() {
        String cid = id("c");
        SocketRecord s = new SocketRecord(cid, "/chat", id("sock"), "acme", Set.of("lobby", "news"),
                "{\"nick\":\"al\"}", "{\"token\":\"t\"}", NOW.toEpochMilli());

        connections.putSocket(s);

        assertThat(connections.findSocket(cid, "/chat")).contains(s);
        assertThat(connections.findSocket(cid, "/other")).isEmpty();
    }

    @Test
    void a_socket_without_rooms_or_data_is_stored_without_an_empty_set() {
        String cid = id("c");
        SocketRecord s = new SocketRecord(cid, "/", id("sock"), "acme", Set.of(), null, null, NOW.toEpochMilli());

        connections.putSocket(s);

        assertThat(connections.findSocket(cid, "/")).contains(s);
        assertThat(rawItem(DynamoSchema.socketKey(cid, "/"))).doesNotContainKey(DynamoSchema.ROOMS);
    }

    @Test
    void sockets_lists_every_socket_of_the_connection_and_not_the_connection_itself() {
        String cid = id("c");
        connections.create(connection(cid));
        SocketRecord root = socket(cid, "/", "acme");
        SocketRecord chat = socket(cid, "/chat", "acme");
        connections.putSocket(root);
        connections.putSocket(chat);
        connections.putSocket(socket(id("other"), "/", "acme"));

        assertThat(connections.sockets(cid)).containsExactlyInAnyOrder(root, chat);
    }

    @Test
    void sockets_past_their_ttl_are_ignored() {
        String cid = id("c");
        connections.putSocket(socket(cid, "/", "acme"));
        DynamoConnectionStore later = Fixtures.connectionStore(client, table, 1, Fixtures.afterExpiry());

        assertThat(later.sockets(cid)).isEmpty();
        assertThat(later.findSocket(cid, "/")).isEmpty();
    }

    @Test
    void socket_data_changes_key_by_key_and_a_missing_socket_is_left_alone() {
        SocketRecord s = socket(id("c"), "/", "acme");
        connections.putSocket(s);

        connections.updateSocketData(s.connectionId(), "/", Map.of("score", "3", "name", "\"ann\""), Set.of());
        connections.updateSocketData(s.connectionId(), "/", Map.of("", "[1]", "~x", "{\"a\":null}"), Set.of("name"));
        connections.updateSocketData(s.connectionId(), "/nowhere", Map.of("a", "1"), Set.of());

        assertThat(connections.findSocket(s.connectionId(), "/")).get().extracting(SocketRecord::dataJson)
                .satisfies(json -> assertThat(Fixtures.json(json))
                        .isEqualTo(Fixtures.json("{\"score\":3,\"\":[1],\"~x\":{\"a\":null}}")));
        assertThat(rawItem(DynamoSchema.socketKey(s.connectionId(), "/nowhere"))).isEmpty();
    }

    @Test
    void a_change_of_more_keys_than_one_update_carries_lands_whole() {
        SocketRecord s = socket(id("c"), "/", "acme");
        connections.putSocket(s);
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < SocketDataWriter.KEYS_PER_UPDATE * 2 + 7; i++) {
            many.put("key" + i, Integer.toString(i));
        }

        connections.updateSocketData(s.connectionId(), "/", many, Set.of());

        var data = Fixtures.json(connections.findSocket(s.connectionId(), "/").orElseThrow().dataJson());
        assertThat(data.size()).isEqualTo(many.size());
        many.forEach((key, value) -> assertThat(data.path(key).asText()).isEqualTo(value));
    }

    @Test
    void socket_data_of_the_old_layout_is_read_and_moved_into_the_map_on_its_first_change() {
        SocketRecord s = socket(id("c"), "/", "acme");
        connections.putSocket(s);
        client.updateItem(r -> r.tableName(table).key(DynamoSchema.socketKey(s.connectionId(), "/"))
                .updateExpression("SET #d = :d REMOVE #f")
                .expressionAttributeNames(Map.of("#d", DynamoSchema.DATA, "#f", DynamoSchema.DATA_FIELDS))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("{\"a\":1,\"b\":2}"))));
        assertThat(connections.findSocket(s.connectionId(), "/")).get().extracting(SocketRecord::dataJson)
                .isEqualTo("{\"a\":1,\"b\":2}");

        connections.updateSocketData(s.connectionId(), "/", Map.of("c", "3"), Set.of("a"));

        assertThat(connections.findSocket(s.connectionId(), "/")).get().extracting(SocketRecord::dataJson)
                .satisfies(json -> assertThat(Fixtures.json(json)).isEqualTo(Fixtures.json("{\"b\":2,\"c\":3}")));
        assertThat(rawItem(DynamoSchema.socketKey(s.connectionId(), "/"))).doesNotContainKey(DynamoSchema.DATA);
    }

    @Test
    void remove_socket_deletes_its_memberships_including_its_own_id_room() {
        SocketRecord s = socket(id("c"), "/", "acme");
        SocketRecord sameConnection = socket(s.connectionId(), "/chat", "acme");
        SocketRecord neighbour = socket(id("c"), "/", "acme");
        List.of(s, sameConnection, neighbour).forEach(connections::putSocket);
        String room = id("room");
        join(s, room);
        join(s, s.socketId());
        join(sameConnection, room);
        join(neighbour, room);

        connections.removeSocket(connections.findSocket(s.connectionId(), "/").orElseThrow());

        assertThat(connections.findSocket(s.connectionId(), "/")).isEmpty();
        assertThat(socketIds("/", room)).containsExactly(neighbour.socketId());
        assertThat(socketIds("/", s.socketId())).isEmpty();
        assertThat(socketIds("/chat", room)).containsExactly(sameConnection.socketId());
        assertThat(connections.findSocket(s.connectionId(), "/chat")).isPresent();
    }

    @Test
    void remove_socket_with_a_stale_copy_still_finds_rooms_joined_since() {
        SocketRecord stale = socket(id("c"), "/", "acme");
        connections.putSocket(stale);
        String room = id("room");
        join(stale, room);

        connections.removeSocket(stale);
        connections.removeSocket(stale);

        assertThat(socketIds(room)).isEmpty();
        assertThat(connections.findSocket(stale.connectionId(), "/")).isEmpty();
    }

    @Test
    void replacing_a_socket_drops_the_old_sockets_memberships() {
        SocketRecord old = socket(id("c"), "/", "acme");
        connections.putSocket(old);
        String room = id("room");
        join(old, room);
        join(old, old.socketId());

        SocketRecord replacement = socket(old.connectionId(), "/", "acme");
        connections.putSocket(replacement);

        assertThat(socketIds(room)).isEmpty();
        assertThat(socketIds(old.socketId())).isEmpty();
        assertThat(connections.findSocket(old.connectionId(), "/")).contains(replacement);
    }

    @Test
    void removing_a_replaced_socket_leaves_its_successor_alone() {
        SocketRecord old = socket(id("c"), "/", "acme");
        connections.putSocket(old);
        SocketRecord successor = socket(old.connectionId(), "/", "acme");
        connections.putSocket(successor);
        join(successor, "lobby-" + successor.socketId());

        connections.removeSocket(old);

        assertThat(connections.findSocket(old.connectionId(), "/")).isPresent();
        assertThat(socketIds("lobby-" + successor.socketId())).containsExactly(successor.socketId());
    }

    @Test
    void remove_deletes_the_connection_its_sockets_and_all_their_memberships() {
        String table = DynamoDbLocalServer.freshTable(raw, "cascade");
        DynamoConnectionStore connections = Fixtures.connectionStore(client, table, 3, CLOCK);
        DynamoRoomStore rooms = new DynamoRoomStore(client, table, 3, CLOCK);
        String cid = id("c");
        connections.create(connection(cid, "acme", "alice", 0));
        for (String ns : List.of("/", "/chat", "/admin")) {
            SocketRecord s = socket(cid, ns, "acme");
            connections.putSocket(s);
            rooms.join(s, ENDPOINT, s.socketId(), EXPIRES_AT);
            for (int i = 0; i < 12; i++) {
                rooms.join(s, ENDPOINT, "room#" + i, EXPIRES_AT);
            }
        }
        assertThat(raw.scan(r -> r.tableName(table)).count()).isEqualTo(1 + 3 + 3 * 13);

        connections.remove(cid);

        assertThat(raw.scan(r -> r.tableName(table).consistentRead(true)).items()).isEmpty();
        assertThat(raw.scan(r -> r.tableName(table).indexName(DynamoSchema.BY_USER)).items()).isEmpty();
        assertThat(raw.scan(r -> r.tableName(table).indexName(DynamoSchema.BY_PING)).items()).isEmpty();
        assertThat(connections.find(cid)).isEmpty();
    }

    @Test
    void remove_is_idempotent_and_quiet_for_unknown_connections() {
        String cid = id("c");
        connections.create(connection(cid));
        SocketRecord s = socket(cid, "/", "acme");
        connections.putSocket(s);
        join(s, "r-" + cid);

        connections.remove(cid);
        connections.remove(cid);
        connections.remove(id("never-existed"));

        assertThat(raw.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoSchema.connectionPk(cid)))))
                .items()).isEmpty();
        assertThat(socketIds("r-" + cid)).isEmpty();
    }

    private static void join(SocketRecord s, String room) {
        rooms.join(s, ENDPOINT, room, EXPIRES_AT);
    }

    private static List<String> socketIds(String room) {
        return socketIds("/", room);
    }

    private static List<String> socketIds(String namespace, String room) {
        return StreamSupport.stream(rooms.members("acme", namespace, room).spliterator(), false)
                .map(Member::socketId).toList();
    }

    private static Map<String, AttributeValue> rawItem(Map<String, AttributeValue> key) {
        return raw.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }
}
