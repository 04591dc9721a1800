package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Broadcasts on a gateway node: the node's own room members come from its in-memory index and DynamoDB returns
 * only the members on other endpoints, yet every member hears what it should and nothing it should not.
 */
class LocalRoomIndexTest {
    /** Items each filtered room Query returned, in call order. */
    private final List<Integer> roomQueryItems = new CopyOnWriteArrayList<>();
    /** What {@link #seenBeforeRoomQuery} answered as each filtered room Query was about to be sent. */
    private final List<Boolean> seenAtRoomQuery = new CopyOnWriteArrayList<>();
    private volatile BooleanSupplier seenBeforeRoomQuery = () -> false;
    private final NodeHarness h = new NodeHarness(true, DynamoDbLocalServer.client(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest query && query.filterExpression() != null) {
                seenAtRoomQuery.add(seenBeforeRoomQuery.getAsBoolean());
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest query && query.filterExpression() != null) {
                roomQueryItems.add(((QueryResponse) context.response()).count());
            }
        }
    }));

    @AfterEach
    void close() {
        h.close();
    }

    private FakeSession joined(String room) throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");
        h.send(session, "21[\"join\",\"" + room + "\"]");
        return session;
    }

    /** A member reached through API Gateway: another endpoint, found only by the room Query. */
    private String joinedThroughApiGateway(String room) {
        String connection = h.connectThroughApiGateway();
        h.sendThroughApiGateway(connection, "40");
        h.sendThroughApiGateway(connection, "421[\"join\",\"" + room + "\"]");
        return connection;
    }

    @Test
    void aRoomOfLocalSessionsAndAnApiGatewayConnectionIsReachedWhileDynamoDbReturnsOnlyTheRemoteMember()
            throws HandshakeRefused {
        FakeSession a = joined("lobby");
        FakeSession b = joined("lobby");
        FakeSession c = joined("lobby");
        String remote = joinedThroughApiGateway("lobby");
        roomQueryItems.clear();

        h.send(a, "22[\"say\",\"lobby\",\"hi\"]");

        assertThat(b.sent()).contains("42[\"said\",\"hi\"]");
        assertThat(c.sent()).contains("42[\"said\",\"hi\"]");
        assertThat(a.sent()).doesNotContain("42[\"said\",\"hi\"]");
        assertThat(h.apiGateway.postsTo(remote)).contains("42[\"said\",\"hi\"]");
        assertThat(roomQueryItems.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    }

    @Test
    void localMembersHaveTheBroadcastBeforeDynamoDbIsAskedForTheOtherEndpointsMembersWhoGetItOnceToo()
            throws HandshakeRefused {
        FakeSession speaker = joined("lobby");
        FakeSession listener = joined("lobby");
        String remote = joinedThroughApiGateway("lobby");
        seenAtRoomQuery.clear();
        seenBeforeRoomQuery = () -> listener.sent().contains("42[\"said\",\"early\"]");

        h.send(speaker, "22[\"say\",\"lobby\",\"early\"]");

        // The room is read as two key ranges (around this node's socket-id prefix): both after local delivery.
        assertThat(seenAtRoomQuery).isNotEmpty().containsOnly(true);
        assertThat(listener.sent()).containsOnlyOnce("42[\"said\",\"early\"]");
        assertThat(h.apiGateway.postsTo(remote)).containsOnlyOnce("42[\"said\",\"early\"]");
        assertThat(speaker.sent()).doesNotContain("42[\"said\",\"early\"]");
    }

    @Test
    void aSocketThatLeftTheRoomOrItsNamespaceOrClosedHearsNothingMore() throws HandshakeRefused {
        FakeSession speaker = joined("lobby");
        FakeSession leaver = joined("lobby");
        FakeSession disconnected = joined("lobby");
        FakeSession closed = joined("lobby");
        FakeSession stays = joined("lobby");

        h.send(leaver, "22[\"leave\",\"lobby\"]");
        h.send(disconnected, "41");
        closed.close();
        h.node.listener().onClose(closed, EngineCloseReason.TRANSPORT_CLOSE);
        h.send(speaker, "23[\"say\",\"lobby\",\"after\"]");

        assertThat(stays.sent()).contains("42[\"said\",\"after\"]");
        for (FakeSession gone : List.of(leaver, disconnected, closed)) {
            assertThat(gone.sent()).doesNotContain("42[\"said\",\"after\"]");
        }
    }

    @Test
    void aBroadcastToEveryoneReachesLocalSessionsFromTheIndexAndRemoteOnesFromTheStore() throws HandshakeRefused {
        FakeSession a = h.open();
        h.send(a, "0");
        FakeSession b = h.open();
        h.send(b, "0");
        String remote = h.connectThroughApiGateway();
        h.sendThroughApiGateway(remote, "40");
        roomQueryItems.clear();

        h.node.emitter("default").of("/").emit("news", "all");

        assertThat(a.sent()).contains("42[\"news\",\"all\"]");
        assertThat(b.sent()).contains("42[\"news\",\"all\"]");
        assertThat(h.apiGateway.postsTo(remote)).contains("42[\"news\",\"all\"]");
        assertThat(roomQueryItems.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    }

    @Test
    void aMembershipLeftInTheTableUnderThisNodesEndpointByAnEarlierProcessIsNotRead() throws HandshakeRefused {
        FakeSession listener = joined("lobby");
        FakeSession speaker = joined("lobby");
        SocketRecord orphan = new SocketRecord("orphan-connection", "/", "orphan-socket", "default", null, null,
                null, 0);
        h.storeConnections().putSocket(orphan);
        // Straight to the store, as a process that died with this endpoint would have left it.
        h.storeRooms().join(orphan, h.node.managementUrl(), "lobby", Long.MAX_VALUE / 1000);
        roomQueryItems.clear();

        h.send(speaker, "22[\"say\",\"lobby\",\"fresh\"]");

        assertThat(listener.sent()).contains("42[\"said\",\"fresh\"]");
        assertThat(roomQueryItems.stream().mapToInt(Integer::intValue).sum()).isZero();
    }
}
