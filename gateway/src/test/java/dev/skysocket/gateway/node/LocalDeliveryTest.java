package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.gateway.engine.HandshakeRefused;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frames for this node's own sessions skip HTTP; the rest still goes through the Management API. */
class LocalDeliveryTest {
    private final NodeHarness h = new NodeHarness(true);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void answersReachALocalSessionEvenWithThePrivateApiStopped() throws HandshakeRefused {
        FakeSession session = h.open();
        h.node.close();  // nothing listens on the stored endpoint any more

        h.send(session, "0");
        h.send(session, "21[\"echo\",\"x\"]");

        assertThat(session.sent()).hasSize(2);
        assertThat(session.sent().get(0)).startsWith("40{\"sid\":");
        assertThat(session.sent().get(1)).isEqualTo("431[\"x\"]");
    }

    @Test
    void aRoomSpanningBothPathsStillCarriesSayBothWays() throws HandshakeRefused {
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
    }

    @Test
    void aClosedLocalSessionCountsAsGoneAndOnlyItsItemsArePruned() throws HandshakeRefused {
        FakeSession sender = h.open();
        FakeSession vanished = h.open();
        h.send(sender, "0");
        h.send(vanished, "0");
        vanished.close();  // closed without the engine's onClose: the items outlive it

        FanoutReport report = h.node.context().fanout().deliver(List.of("42[\"ping\"]"), List.of(
                new Recipient(sender.sid(), h.node.managementUrl()),
                new Recipient(vanished.sid(), h.node.managementUrl() + "/")));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(report.goneConnectionIds()).containsExactly(vanished.sid());
        assertThat(h.node.context().connections().find(vanished.sid())).isEmpty();
        assertThat(h.node.context().connections().find(sender.sid())).isPresent();
        assertThat(sender.sent()).last().isEqualTo("42[\"ping\"]");
    }
}
