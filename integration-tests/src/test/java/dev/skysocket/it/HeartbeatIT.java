package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.app.RecordingChatApp;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.SocketStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The scheduled heartbeat on the API Gateway path (DESIGN §4): a client that stops answering pings is dropped
 * with "ping timeout" and its items leave the store, while one that answers stays.
 */
@Timeout(120)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: needs short heartbeat timers, the recording app and direct DynamoDB reads of the local stack")
class HeartbeatIT {
    /** Ping due one interval after the open packet, then the pong deadline, plus sweep periods and slack. */
    private static final Duration DROPPED_WITHIN = Duration.ofMillis(
            3 * (TestStack.PING_INTERVAL_MS + TestStack.PING_TIMEOUT_MS) + 5_000);

    private static final int MANY = 12;
    private static final RecordingChatApp APP = new RecordingChatApp();
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        runner = TestStack.start(APP);
    }

    @AfterAll
    static void stopStack() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aClientThatNeverAnswersPingsIsDroppedAndItsItemsAreRemoved() {
        try (RawClient silent = RawClient.connect(runner.websocketUrl(), TestStack.path(runner), false);
             RawClient answering = RawClient.connect(runner.websocketUrl(), TestStack.path(runner), true)) {
            String silentSocket = silent.handshake("/");
            String silentConnection = silent.connectionId();
            answering.handshake("/");
            assertThat(connections().find(silentConnection)).isPresent();

            await().atMost(DROPPED_WITHIN)
                    .failFast("the client that answers its pings was dropped", answering::isClosed)
                    .until(silent::isClosed);
            assertThat(silent.pingsSeen()).as("pings the silent client ignored").isPositive();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(connections().find(silentConnection)).as("the connection item").isEmpty();
                assertThat(sockets().sockets(silentConnection)).as("its sockets").isEmpty();
            });
            assertThat(APP.disconnected()).contains(silentSocket + " ping timeout");

            // The client that answers is pinged again (a second ping follows only a recorded pong) and stays.
            await().atMost(DROPPED_WITHIN)
                    .failFast("the client that answered its pings was dropped", answering::isClosed)
                    .until(() -> answering.pingsSeen() >= 2);
            assertThat(answering.isClosed()).isFalse();
            assertThat(connections().find(answering.connectionId())).isPresent();
            answering.send("421[\"echo\",\"alive\"]");
            assertThat(answering.awaitText(text -> text.startsWith("431["))).isEqualTo("431[\"alive\"]");
        }
    }

    @Test
    void clientsThatAnswerEveryPingStayConnectedWhenManyArePingedInOneSweep() {
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < MANY; i++) {
                RawClient client = RawClient.connect(runner.websocketUrl(), TestStack.path(runner), true);
                client.handshake("/");
                clients.add(client);
            }
            // A ping follows the previous one only once its pong is recorded: three each means three rounds.
            await().atMost(Duration.ofSeconds(60))
                    .failFast("a client that answered every ping was dropped",
                            () -> clients.stream().anyMatch(RawClient::isClosed))
                    .until(() -> clients.stream().allMatch(client -> client.pingsSeen() >= 3));
            for (RawClient client : clients) {
                assertThat(connections().find(client.connectionId())).isPresent();
            }
        } finally {
            clients.forEach(RawClient::close);
        }
    }

    private static ConnectionStore connections() {
        return runner.runtime().context().connections();
    }

    private static SocketStore sockets() {
        return runner.runtime().context().sockets();
    }
}
