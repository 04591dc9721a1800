package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.Fixtures.NOW;
import static dev.skysocket.store.dynamodb.Fixtures.connection;
import static dev.skysocket.store.dynamodb.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.store.ConnectionExistsException;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.PendingBinary;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoConnectionStoreTest {
    private static final OperationRecorder recorder = new OperationRecorder();
    private static DynamoDbClient client;
    private static DynamoDbClient raw;
    private static String table;
    private static DynamoConnectionStore store;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client(recorder);
        raw = DynamoDbLocalServer.client();
        table = DynamoDbLocalServer.freshTable(raw, "connections");
        store = Fixtures.connectionStore(client, table, 1, CLOCK);
    }

    @AfterAll
    static void neverScannedAndClose() {
        assertThat(recorder.operations()).isNotEmpty().doesNotContain("Scan");
        client.close();
        raw.close();
    }

    @Test
    void a_created_connection_is_found_with_every_field() {
        PendingBinary pending = new PendingBinary(List.of("51-[\"up\",{\"_placeholder\":true,\"num\":0}]"), List.of(), 0);
        ConnectionRecord written = new ConnectionRecord(id("c"), Fixtures.ENDPOINT, "polling", false, "acme",
                "alice", "198.51.100.1", Map.of("origin", "https://a.example", "user-agent", "test"),
                Map.of("EIO", "4"), NOW.toEpochMilli(), NOW.toEpochMilli() + 1000, true, true, EXPIRES_AT, pending);

        store.create(written);

        assertThat(store.find(written.connectionId())).contains(written);
    }

    @Test
    void the_identitys_claims_round_trip_as_one_string_map() {
        ConnectionRecord written = connection(id("c")).withClaims(Map.of("role", "editor", "name", "Alice"));

        store.create(written);

        assertThat(store.find(written.connectionId())).contains(written);
        assertThat(store.find(written.connectionId()).orElseThrow().claims())
                .isEqualTo(Map.of("role", "editor", "name", "Alice"));
    }

    @Test
    void an_anonymous_connection_without_optional_fields_round_trips() {
        ConnectionRecord written = new ConnectionRecord(id("c"), Fixtures.ENDPOINT, "websocket", true, "acme",
                null, null, Map.of(), Map.of(), NOW.toEpochMilli(), 0, false, false, EXPIRES_AT, null);

        store.create(written);

        assertThat(store.find(written.connectionId())).contains(written);
    }

    @Test
    void a_refused_connection_keeps_its_reason() {
        ConnectionRecord written = connection(id("c")).refused("tenant connection quota");

        store.create(written);

        assertThat(store.find(written.connectionId())).contains(written);
        assertThat(store.find(written.connectionId()).orElseThrow().refusal()).isEqualTo("tenant connection quota");
    }

    @Test
    void creating_the_same_connection_twice_throws_connection_exists() {
        ConnectionRecord c = connection(id("c"));
        store.create(c);

        assertThatThrownBy(() -> store.create(c))
                .isInstanceOf(ConnectionExistsException.class)
                .extracting(e -> ((ConnectionExistsException) e).connectionId())
                .isEqualTo(c.connectionId());
    }

    @Test
    void a_connection_past_its_ttl_is_not_found_and_may_be_created_again() {
        ConnectionRecord c = connection(id("c"));
        store.create(c);
        DynamoConnectionStore later = Fixtures.connectionStore(client, table, 1, Fixtures.afterExpiry());

        assertThat(later.find(c.connectionId())).isEmpty();
        later.create(c);
        assertThat(store.find(c.connectionId())).contains(c);
    }

    @Test
    void finding_an_unknown_connection_returns_empty() {
        assertThat(store.find(id("missing"))).isEmpty();
    }

    @Test
    void mark_opened_is_true_only_the_first_time() {
        ConnectionRecord c = connection(id("c"));
        store.create(c);

        assertThat(store.markOpened(c.connectionId())).isTrue();
        assertThat(store.markOpened(c.connectionId())).isFalse();
        assertThat(store.find(c.connectionId())).get().extracting(ConnectionRecord::opened).isEqualTo(true);
    }

    @Test
    void mark_opened_is_false_for_a_connection_that_is_gone_and_creates_nothing() {
        String missing = id("missing");

        assertThat(store.markOpened(missing)).isFalse();
        assertThat(rawItem(missing)).isEmpty();
    }

    @Test
    void mark_opened_is_false_for_an_expired_connection() {
        ConnectionRecord c = connection(id("c"));
        store.create(c);

        assertThat(Fixtures.connectionStore(client, table, 1, Fixtures.afterExpiry()).markOpened(c.connectionId()))
                .isFalse();
    }

    @Test
    void update_transport_changes_only_the_transport_of_a_live_connection() {
        ConnectionRecord c = new ConnectionRecord(id("c"), Fixtures.ENDPOINT, "polling", false, "acme", null,
                "203.0.113.7", Map.of(), Map.of("EIO", "4"), NOW.toEpochMilli(), Long.MAX_VALUE, false, true,
                EXPIRES_AT, null);
        store.create(c);

        assertThat(store.updateTransport(c.connectionId(), "websocket")).isTrue();

        assertThat(store.find(c.connectionId())).get().satisfies(r -> {
            assertThat(r.transport()).isEqualTo("websocket");
            assertThat(r).usingRecursiveComparison().ignoringFields("transport").isEqualTo(c);
        });
    }

    @Test
    void update_transport_is_false_for_a_gone_or_expired_connection_and_creates_nothing() {
        String missing = id("missing");
        ConnectionRecord expired = connection(id("c"));
        store.create(expired);

        assertThat(store.updateTransport(missing, "websocket")).isFalse();
        assertThat(Fixtures.connectionStore(client, table, 1, Fixtures.afterExpiry())
                .updateTransport(expired.connectionId(), "polling")).isFalse();
        assertThat(rawItem(missing)).isEmpty();
    }

    @Test
    void a_ping_sent_sets_the_pong_deadline_and_a_pong_clears_it() {
        ConnectionRecord c = connection(id("c"));
        store.create(c);

        store.recordPingSent(c.connectionId(), 123_000L);
        assertThat(store.find(c.connectionId())).get()
                .satisfies(r -> assertThat(r.awaitingPong()).isTrue())
                .satisfies(r -> assertThat(r.pingDueAt()).isEqualTo(123_000L));

        store.recordPong(c.connectionId(), 456_000L);
        assertThat(store.find(c.connectionId())).get()
                .satisfies(r -> assertThat(r.awaitingPong()).isFalse())
                .satisfies(r -> assertThat(r.pingDueAt()).isEqualTo(456_000L));
    }

    @Test
    void heartbeat_updates_for_a_missing_connection_are_quiet_and_create_nothing() {
        String missing = id("missing");

        store.recordPong(missing, 1L);
        store.recordPingSent(missing, 1L);
        assertThat(store.replacePending(missing, PendingBinary.NONE, new PendingBinary(List.of("51-[]"), List.of(), 0)))
                .isFalse();

        assertThat(rawItem(missing)).isEmpty();
    }

    @Test
    void pending_binary_is_replaced_only_at_the_version_read_and_cleared() {
        ConnectionRecord c = connection(id("c"));
        store.create(c);
        PendingBinary first = new PendingBinary(List.of("52-[\"up\"]"), List.of("AQID"), 0);
        PendingBinary second = new PendingBinary(List.of("52-[\"up\"]"), List.of("AQID", "BAUG"), 0);

        assertThat(store.replacePending(c.connectionId(), PendingBinary.NONE, first)).isTrue();
        PendingBinary read = store.find(c.connectionId()).orElseThrow().pending();
        assertThat(read).isEqualTo(new PendingBinary(first.headers(), first.attachments(), 1));
        // A second writer that read before the first write loses, and must read again.
        assertThat(store.replacePending(c.connectionId(), PendingBinary.NONE, second)).isFalse();
        assertThat(store.replacePending(c.connectionId(), read, second)).isTrue();
        assertThat(store.find(c.connectionId()).orElseThrow().pending().attachments()).containsExactly("AQID", "BAUG");
        read = store.find(c.connectionId()).orElseThrow().pending();
        assertThat(store.replacePending(c.connectionId(), read, PendingBinary.NONE)).isTrue();
        assertThat(store.find(c.connectionId()).orElseThrow().pending())
                .isEqualTo(new PendingBinary(List.of(), List.of(), 3));
    }

    @Test
    void by_user_returns_the_users_connections_in_that_tenant_only() {
        String user = id("user");
        ConnectionRecord a1 = connection(id("c"), "tenant-a", user, 0);
        ConnectionRecord a2 = connection(id("c"), "tenant-a", user, 0);
        ConnectionRecord b1 = connection(id("c"), "tenant-b", user, 0);
        ConnectionRecord anonymous = connection(id("c"), "tenant-a", null, 0);
        List.of(a1, a2, b1, anonymous).forEach(store::create);

        assertThat(store.byUser("tenant-a", user)).containsExactlyInAnyOrder(a1, a2);
        assertThat(store.byUser("tenant-b", user)).containsExactly(b1);
        assertThat(store.byUser("tenant-c", user)).isEmpty();
    }

    @Test
    void by_user_keeps_tenants_apart_even_when_names_contain_the_separator() {
        ConnectionRecord c = connection(id("c"), "a#b", "c", 0);
        store.create(c);

        assertThat(store.byUser("a", "b#c")).isEmpty();
        assertThat(store.byUser("a#b", "c")).containsExactly(c);
    }

    @Test
    void by_user_ignores_expired_connections() {
        String user = id("user");
        store.create(connection(id("c"), "acme", user, 0));

        assertThat(Fixtures.connectionStore(client, table, 1, Fixtures.afterExpiry()).byUser("acme", user)).isEmpty();
    }

    private Map<String, ?> rawItem(String connectionId) {
        return raw.getItem(r -> r.tableName(table).key(DynamoSchema.connectionKey(connectionId)).consistentRead(true))
                .item();
    }
}
