package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.Emitter;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import dev.skysocket.server.DeclaredServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node's socket joined, made to leave or disconnected by an operation started on the API Gateway path (as a
 * Lambda or the publish endpoint would) or on another node: the change reaches the store there, and this node's in-memory index
 * follows it before the operation returns, so broadcasts and fetchSockets started on the node see it.
 */
class RemoteMembershipSyncTest {
    private final NodeHarness h = new NodeHarness();
    private final Emitter elsewhere = h.apigw.emitter("default");
    private final Emitter onNode = h.node.emitter("default");

    @AfterEach
    void close() {
        h.close();
    }

    private FakeSession connected() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");
        return session;
    }

    @Test
    void aJoinMadeElsewhereIsSeenByABroadcastAndFetchSocketsStartedOnTheNode() throws HandshakeRefused {
        FakeSession socket = connected();

        elsewhere.of("/").socketsJoin("r");
        onNode.of("/").to("r").emit("news", "in r");

        assertThat(socket.sent()).contains("42[\"news\",\"in r\"]");
        List<RemoteSocket> fetched = onNode.of("/").in("r").fetchSockets();
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).rooms()).contains("r");
    }

    @Test
    void aLeaveMadeElsewhereStopsBroadcastsStartedOnTheNode() throws HandshakeRefused {
        FakeSession socket = connected();
        h.send(socket, "21[\"join\",\"lobby\"]");

        elsewhere.of("/").in("lobby").socketsLeave("lobby");
        onNode.of("/").to("lobby").emit("news", "after leave");

        assertThat(socket.sent()).doesNotContain("42[\"news\",\"after leave\"]");
        assertThat(onNode.of("/").in("lobby").fetchSockets()).isEmpty();
    }

    @Test
    void aSocketDisconnectedElsewhereHearsNoBroadcastStartedOnTheNode() throws HandshakeRefused {
        FakeSession socket = connected();
        FakeSession stays = connected();
        h.send(socket, "21[\"join\",\"lobby\"]");
        h.send(stays, "21[\"join\",\"lobby\"]");

        elsewhere.of("/").in("lobby").fetchSockets().stream()
                .filter(found -> socket.sent().stream().anyMatch(frame -> frame.contains(found.id())))
                .forEach(found -> found.disconnect(false));
        onNode.of("/").emit("news", "after disconnect");

        assertThat(socket.sent()).contains("41").doesNotContain("42[\"news\",\"after disconnect\"]");
        assertThat(stays.sent()).contains("42[\"news\",\"after disconnect\"]");
    }

    @Test
    void disconnectSocketsWithoutClosingMadeElsewhereLeavesNoMemberOnTheNode() throws HandshakeRefused {
        FakeSession socket = connected();

        elsewhere.of("/").disconnectSockets(false);
        onNode.of("/").emit("news", "after all");

        assertThat(socket.sent()).contains("41").doesNotContain("42[\"news\",\"after all\"]");
    }

    @Test
    void aJoinAndLeaveMadeOnAnotherNodeAreSeenByBroadcastsStartedOnTheOwningNode() throws HandshakeRefused {
        FakeSession socket = connected();
        NodeSettings settings = NodeSettings.loopback();
        try (GatewayNode other = GatewayNode.with(h.config, settings, DeclaredServer.configuredBy(new RoomApp()),
                h.dynamo, NodeHarness.CLIENTS, new PrivateManagementApi(FallbackGateway.listenerSettings(settings)))
                .start()) {
            other.emitter("default").of("/").socketsJoin("r");
            onNode.of("/").to("r").emit("news", "joined on b");
            assertThat(socket.sent()).contains("42[\"news\",\"joined on b\"]");

            other.emitter("default").of("/").in("r").socketsLeave("r");
            onNode.of("/").to("r").emit("news", "left on b");
            assertThat(socket.sent()).doesNotContain("42[\"news\",\"left on b\"]");
        }
    }
}
