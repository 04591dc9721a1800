package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.store.ConnectionRecord;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Engine.IO sessions as stored Socket.IO connections, with the fan-out really posting to the private API. */
class GatewaySessionsTest {
    private final NodeHarness h = new NodeHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void openingASessionStoresItWithThisNodesPrivateEndpointAndNoPingDue() throws HandshakeRefused {
        FakeSession session = h.open();

        ConnectionRecord stored = h.node.context().connections().find(session.sid()).orElseThrow();
        assertThat(stored.endpoint()).isEqualTo(h.node.managementUrl())
                .isEqualTo("http://127.0.0.1:" + h.node.managementPort());
        assertThat(stored.transport()).isEqualTo("polling");
        assertThat(stored.base64()).isFalse();
        assertThat(stored.tenant()).isEqualTo("default");
        assertThat(stored.headers()).containsEntry("origin", NodeHarness.ORIGIN);
        assertThat(stored.query()).containsEntry("EIO", "4");
        assertThat(stored.sourceIp()).isEqualTo("10.0.0.7");
        assertThat(stored.expiresAt()).isEqualTo(h.config.expiresAtSeconds(stored.connectedAt()));
        assertThat(h.node.sessions().find(session.sid())).isPresent();
        // The heartbeat sweep never sees gateway sessions: the engine runs their heartbeat.
        assertThat(h.node.context().heartbeats().due(Long.MAX_VALUE - 1, 100))
                .noneMatch(due -> due.connectionId().equals(session.sid()));
    }

    @Test
    void anUpgradeToWebsocketIsRecordedOnTheStoredConnection() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");

        session.upgradeTo("websocket");
        h.node.listener().onUpgrade(session);

        ConnectionRecord stored = h.node.context().connections().find(session.sid()).orElseThrow();
        assertThat(stored.transport()).isEqualTo("websocket");
        assertThat(stored.endpoint()).isEqualTo(h.node.managementUrl());
        assertThat(h.node.context().sockets().sockets(session.sid())).hasSize(1);
    }

    @Test
    void aNamespaceConnectIsAnsweredThroughThePrivateManagementApi() throws HandshakeRefused {
        FakeSession session = h.open();

        // GatewaySessions never calls send(): only a POST to the private API reaches the session.
        h.send(session, "0");

        assertThat(session.sent()).singleElement().asString().matches("40\\{\"sid\":\"[^\"]+\"}");
    }

    @Test
    void anEventWithAnAckIdIsAnsweredWithTheSameId() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");

        h.send(session, "27[\"echo\",{\"text\":\"hé\"}]");

        assertThat(session.sent()).last().isEqualTo("437[{\"text\":\"hé\"}]");
        assertThat(h.app.seen).containsExactly("echo");
    }

    @Test
    void aRoomHoldingAGatewaySessionAndAnApiGatewayConnectionCarriesSayBothWays() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");
        h.send(session, "21[\"join\",\"lobby\"]");
        String connection = h.connectThroughApiGateway();
        h.sendThroughApiGateway(connection, "40");
        h.sendThroughApiGateway(connection, "421[\"join\",\"lobby\"]");

        h.send(session, "22[\"say\",\"lobby\",\"from polling\"]");
        h.sendThroughApiGateway(connection, "422[\"say\",\"lobby\",\"from websocket\"]");

        assertThat(h.apiGateway.postsTo(connection)).contains("42[\"said\",\"from polling\"]");
        assertThat(session.sent()).contains("42[\"said\",\"from websocket\"]");
        assertThat(session.sent()).doesNotContain("42[\"said\",\"from polling\"]");
    }

    @Test
    void closingASessionRunsDisconnectHandlersAndRemovesItsItems() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");
        h.send(session, "21[\"join\",\"lobby\"]");

        session.close();
        h.node.listener().onClose(session, EngineCloseReason.TRANSPORT_CLOSE);

        assertThat(h.app.disconnects).containsExactly(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(h.node.context().connections().find(session.sid())).isEmpty();
        assertThat(h.node.context().sockets().sockets(session.sid())).isEmpty();
        assertThat(h.node.sessions().find(session.sid())).isEmpty();
    }

    @Test
    void aMalformedPacketClosesOnlyThatSessionWithParseError() throws HandshakeRefused {
        FakeSession bad = h.open();
        FakeSession good = h.open();
        h.send(bad, "0");
        h.send(good, "0");

        h.send(bad, "2[\"connect\"]");

        assertThat(bad.closed()).isTrue();
        assertThat(h.app.disconnects).containsExactly(DisconnectReason.PARSE_ERROR);
        assertThat(h.node.context().connections().find(bad.sid())).isEmpty();
        assertThat(good.closed()).isFalse();
        h.send(good, "23[\"echo\",1]");
        assertThat(good.sent()).last().isEqualTo("433[1]");
    }

    @Test
    void aDisconnectForANamespaceNeverJoinedClosesOnlyThatSession() throws HandshakeRefused {
        FakeSession bad = h.open();
        FakeSession good = h.open();
        h.send(bad, "0");
        h.send(good, "0");

        h.send(bad, "1/admin,");

        assertThat(bad.closed()).isTrue();
        assertThat(h.app.disconnects).containsExactly(DisconnectReason.PARSE_ERROR);
        assertThat(good.closed()).isFalse();
        h.send(good, "23[\"echo\",1]");
        assertThat(good.sent()).last().isEqualTo("433[1]");
    }

    @Test
    void aForeignOriginIsRefusedAndNothingIsStored() {
        FakeSession foreign = new FakeSession(Map.of("origin", "https://evil.example"));

        assertThatThrownBy(() -> h.node.listener().onOpen(foreign)).isInstanceOf(HandshakeRefused.class);

        assertThat(h.node.context().connections().find(foreign.sid())).isEmpty();
        assertThat(h.node.sessions().find(foreign.sid())).isEmpty();
    }
}
