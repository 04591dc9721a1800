package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Socket.IO's connectTimeout on the gateway: no CONNECT within the timeout of the handshake closes the session. */
class ConnectDeadlinesTest {
    private final ConnectDeadlines deadlines = new ConnectDeadlines(50);

    @AfterEach
    void stop() {
        deadlines.close();
    }

    @Test
    void aSessionThatSendsNoConnectWithinTheTimeoutIsClosed() {
        FakeSession session = new FakeSession();
        deadlines.opened(session);
        await().atMost(Duration.ofSeconds(5)).until(() -> !session.isOpen());
    }

    @Test
    void aSessionThatSentAConnectStaysOpenPastTheTimeout() {
        FakeSession connected = new FakeSession();
        FakeSession silent = new FakeSession();
        deadlines.opened(connected);
        deadlines.opened(silent);
        deadlines.connecting(connected.sid());
        await().atMost(Duration.ofSeconds(5)).until(() -> !silent.isOpen());
        assertThat(connected.isOpen()).isTrue();
    }
}
