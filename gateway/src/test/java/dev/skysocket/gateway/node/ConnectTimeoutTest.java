package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.gateway.engine.HandshakeRefused;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** skysocket.connect-timeout-ms on a node: a session that sends no CONNECT in time is closed, one that does stays. */
class ConnectTimeoutTest {
    private final NodeHarness h = new NodeHarness(Map.of("skysocket.connect-timeout-ms", "200"));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aSessionThatJoinsNoNamespaceWithinTheTimeoutIsClosedAndOneThatDidStays() throws HandshakeRefused {
        FakeSession connected = h.open();
        h.send(connected, "0");
        FakeSession silent = h.open();
        await().atMost(Duration.ofSeconds(5)).until(() -> !silent.isOpen());
        assertThat(connected.isOpen()).isTrue();
        assertThat(h.node.context().sockets().sockets(connected.sid())).hasSize(1);
    }
}
