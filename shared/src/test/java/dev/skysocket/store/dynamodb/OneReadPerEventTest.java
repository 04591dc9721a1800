package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.Fixtures.connection;
import static dev.skysocket.store.dynamodb.Fixtures.id;
import static dev.skysocket.store.dynamodb.Fixtures.socket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reads of one connection inside {@code withOneRead} share one Query, and never outlive a write. */
class OneReadPerEventTest {
    private static final OperationRecorder recorder = new OperationRecorder();
    private static DynamoDbClient client;
    private static String table;
    private static DynamoConnectionStore connections;
    private static DynamoRoomStore rooms;
    private ConnectionRecord connection;
    private SocketRecord socket;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client(recorder);
        table = DynamoDbLocalServer.freshTable(client, "oneread");
        connections = Fixtures.connectionStore(client, table, 1, CLOCK);
        rooms = new DynamoRoomStore(client, table, 1, CLOCK);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void storeAConnectionWithASocket() {
        connection = connection(id("c"));
        connections.create(connection);
        socket = socket(connection.connectionId(), "/", "acme");
        connections.putSocket(socket);
        recorder.clear();
    }

    @Test
    void theConnectionAndItsSocketsAreReadWithOneQuery() {
        String id = connection.connectionId();

        connections.withOneRead(id, () -> {
            assertThat(connections.find(id)).contains(connection);
            assertThat(connections.findSocket(id, "/")).contains(socket);
            assertThat(connections.findSocket(id, "/admin")).isEmpty();
            assertThat(connections.sockets(id)).containsExactly(socket);
            return null;
        });

        assertThat(recorder.operations()).containsExactly("Query");
    }

    @Test
    void outsideTheScopeEachReadIsItsOwnGetItem() {
        String id = connection.connectionId();

        connections.find(id);
        connections.findSocket(id, "/");

        assertThat(recorder.operations()).containsExactly("GetItem", "GetItem");
    }

    @Test
    void aRoomJoinedInTheScopeIsSeenByTheNextRead() {
        String id = connection.connectionId();

        Optional<SocketRecord> after = connections.withOneRead(id, () -> {
            connections.findSocket(id, "/");
            rooms.join(socket, Fixtures.ENDPOINT, "news", EXPIRES_AT);
            return connections.findSocket(id, "/");
        });

        assertThat(after).get().extracting(SocketRecord::rooms).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.collection(String.class)).containsExactly("news");
    }

    @Test
    void aRemovedConnectionIsGoneForTheNextReadInTheScope() {
        String id = connection.connectionId();

        Optional<ConnectionRecord> after = connections.withOneRead(id, () -> {
            connections.find(id);
            connections.remove(id);
            return connections.find(id);
        });

        assertThat(after).isEmpty();
    }

    @Test
    void anotherConnectionReadInTheScopeIsNotServedFromIt() {
        ConnectionRecord other = connection(id("c"));
        connections.create(other);
        recorder.clear();

        Optional<ConnectionRecord> found = connections.withOneRead(connection.connectionId(),
                () -> connections.find(other.connectionId()));

        assertThat(found).contains(other);
        assertThat(recorder.operations()).containsExactly("GetItem");
    }

    @Test
    void anExpiredConnectionIsNotFoundThroughTheSharedRead() {
        DynamoConnectionStore later = Fixtures.connectionStore(client, table, 1, Fixtures.afterExpiry());
        String id = connection.connectionId();

        Optional<ConnectionRecord> found = later.withOneRead(id, () -> later.find(id));

        assertThat(found).isEmpty();
        assertThat(later.withOneRead(id, () -> later.findSocket(id, "/"))).isEmpty();
    }

    @Test
    void removingASocketInTheScopeUsesTheSharedReadOfItsRooms() {
        String id = connection.connectionId();
        String room = id("news");
        rooms.join(socket, Fixtures.ENDPOINT, room, EXPIRES_AT);
        recorder.clear();

        connections.withOneRead(id, () -> {
            connections.findSocket(id, "/");
            // The caller's copy predates the join; the shared read still knows the room.
            connections.removeSocket(socket);
            return null;
        });

        assertThat(recorder.operations()).doesNotContain("GetItem").contains("Query");
        assertThat(rooms.members("acme", "/", room)).isEmpty();
        assertThat(connections.findSocket(id, "/")).isEmpty();
    }

    @Test
    void aPongForAStoredConnectionIsRecordedAndForAnUnknownOneReportsFalse() {
        assertThat(connections.recordPong(connection.connectionId(), 123L)).isTrue();
        assertThat(connections.recordPong(id("missing"), 123L)).isFalse();
        assertThat(recorder.operations()).containsExactly("UpdateItem", "UpdateItem");
    }

    @Test
    void aHeldReadServesTheNextCallUntilAWriteFromAnyThreadAndIsGoneAfterRelease() throws InterruptedException {
        String id = connection.connectionId();

        connections.withHeldRead(id, () -> connections.find(id));
        connections.withHeldRead(id, () -> connections.findSocket(id, "/"));
        assertThat(recorder.operations()).containsExactly("Query");

        Thread writer = new Thread(() -> connections.updateSocketData(id, "/", Map.of("n", "1"), Set.of()));
        writer.start();
        writer.join();
        Optional<SocketRecord> after = connections.withHeldRead(id, () -> connections.findSocket(id, "/"));
        assertThat(after.orElseThrow().dataJson()).isEqualTo("{\"n\":1}");
        assertThat(recorder.operations()).containsExactly("Query", "UpdateItem", "Query");

        connections.releaseHeldRead(id);
        assertThat(PartitionReads.heldCount()).isZero();
        connections.withHeldRead(id, () -> connections.find(id));
        assertThat(recorder.operations()).containsExactly("Query", "UpdateItem", "Query", "Query");
        connections.releaseHeldRead(id);
    }

    @Test
    void aWriteFromAnotherThreadDuringAHeldCallSendsTheNextReadToTheStore() {
        String id = connection.connectionId();

        // The write lands inside the held call, after its read: that read's version no longer matches.
        connections.withHeldRead(id, () -> {
            connections.find(id);
            Thread writer = new Thread(() -> connections.updateTransport(id, "polling"));
            writer.start();
            try {
                writer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return connections.find(id);
        });

        assertThat(recorder.operations()).containsExactly("Query", "UpdateItem", "Query");
        connections.releaseHeldRead(id);
    }
}
