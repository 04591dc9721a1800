package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.ENDPOINT;
import static dev.skysocket.store.dynamodb.Fixtures.NOW;
import static dev.skysocket.store.dynamodb.Fixtures.connection;
import static dev.skysocket.store.dynamodb.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.HeartbeatDue;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The heartbeat sweep's read over the sharded byPing index. Each test gets its own table: it counts rows. */
class HeartbeatIndexTest {
    private static final long T = NOW.toEpochMilli();
    private static final OperationRecorder recorder = new OperationRecorder();
    private static final DynamoDbClient client = DynamoDbLocalServer.client(recorder);
    private String table;
    private DynamoConnectionStore store;

    @BeforeEach
    void freshTable() {
        table = DynamoDbLocalServer.freshTable(client, "heartbeat");
        store = Fixtures.connectionStore(client, table, 1, CLOCK);
        recorder.clear();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void due_returns_only_due_connections_from_every_shard_earliest_first_using_only_queries() {
        List<ConnectionRecord> due = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ConnectionRecord c = connection(id("due"), "acme", null, T - 1_000L * (i + 1));
            store.create(c);
            due.add(c);
            store.create(connection(id("later"), "acme", null, T + 1_000L * (i + 1)));
        }
        store.putSocket(Fixtures.socket(due.get(0).connectionId(), "/", "acme"));
        Collections.reverse(due);
        assertThat(due.stream().map(c -> DynamoSchema.pingShardOf(c.connectionId())).distinct().count())
                .as("the fixture spans several shards").isGreaterThan(1);
        recorder.clear();

        List<HeartbeatDue> found = store.due(T, 1_000);

        assertThat(found).extracting(HeartbeatDue::connectionId)
                .containsExactlyElementsOf(due.stream().map(ConnectionRecord::connectionId).toList());
        assertThat(found.get(0)).isEqualTo(new HeartbeatDue(due.get(0).connectionId(), ENDPOINT, false, T));
        assertThat(recorder.operations()).containsOnly("Query").hasSize(DynamoSchema.PING_SHARDS);
    }

    @Test
    void a_connection_due_exactly_now_is_due() {
        ConnectionRecord c = connection(id("c"), "acme", null, T);
        store.create(c);

        assertThat(store.due(T, 10)).extracting(HeartbeatDue::connectionId).containsExactly(c.connectionId());
        assertThat(store.due(T - 1, 10)).isEmpty();
    }

    @Test
    void due_returns_at_most_the_limit_and_the_earliest_ones() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ConnectionRecord c = connection(id("c"), "acme", null, T - 100_000 + i);
            store.create(c);
            ids.add(c.connectionId());
        }

        assertThat(store.due(T, 5)).extracting(HeartbeatDue::connectionId).containsExactlyElementsOf(ids.subList(0, 5));
        assertThat(store.due(T, 0)).isEmpty();
    }

    @Test
    void a_pong_moves_a_connection_out_and_a_sent_ping_brings_it_back_awaiting_pong() {
        ConnectionRecord c = connection(id("c"), "acme", null, T - 1);
        store.create(c);

        store.recordPong(c.connectionId(), T + 540_000);
        assertThat(store.due(T, 10)).isEmpty();

        store.recordPingSent(c.connectionId(), T - 5);
        assertThat(store.due(T, 10)).extracting(HeartbeatDue::connectionId, HeartbeatDue::awaitingPong)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(c.connectionId(), true));
    }

    @Test
    void expired_and_removed_connections_are_not_due() {
        ConnectionRecord removed = connection(id("removed"), "acme", null, T - 1);
        ConnectionRecord kept = connection(id("kept"), "acme", null, T - 1);
        store.create(removed);
        store.create(kept);

        store.remove(removed.connectionId());

        assertThat(store.due(T, 10)).extracting(HeartbeatDue::connectionId).containsExactly(kept.connectionId());
        DynamoConnectionStore later = Fixtures.connectionStore(client, table, 1, Fixtures.afterExpiry());
        assertThat(later.due(T, 10)).isEmpty();
    }

    @Test
    void the_ping_shard_of_a_connection_is_stable_and_in_range() {
        Set<String> shards = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            String cid = id("c");
            assertThat(DynamoSchema.pingShardOf(cid)).isEqualTo(DynamoSchema.pingShardOf(cid));
            shards.add(DynamoSchema.pingShardOf(cid));
        }
        assertThat(shards).isEqualTo(java.util.stream.IntStream.range(0, DynamoSchema.PING_SHARDS)
                .mapToObj(DynamoSchema::pingShard).collect(Collectors.toSet()));
    }
}
