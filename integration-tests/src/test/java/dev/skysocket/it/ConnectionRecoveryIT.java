package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.app.ChatApp;
import dev.skysocket.config.Settings;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.ConnectionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Connection state recovery with the stock socket.io-client (recovery.mjs) on both paths, after each way a
 * transport drops: the Management API's DELETE (on the emulator, and on the fallback node's private API), the
 * emulator's idle close, and the server's rotation before the maximum connection age. The client gets the same
 * socket id back, `recovered`, its room, and what was said to it meanwhile, once each and in order; a reconnect
 * after the maximum disconnection duration gets a new socket.
 */
@Timeout(120)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: needs the local stack's Management API signer, short timers and reads")
class ConnectionRecoveryIT {
    private static final Duration SERVER_SIDE = Duration.ofSeconds(20);

    @Test
    void aClientDroppedByDeleteOnTheApiGatewayPathRecoversItsSocketAndEveryMissedPacket() {
        try (LocalRunner runner = TestStack.start()) {
            JsonNode seen = drop(runner, scenario(runner, "apigw"), true);
            assertRecovered(seen);
        }
    }

    @Test
    void aClientDroppedByDeleteOnTheFallbackGatewayRecoversItsSocketAndEveryMissedPacket() {
        try (LocalRunner runner = TestStack.start()) {
            JsonNode seen = drop(runner, NodeScenario.of("recovery.mjs", runner.gatewayUrl()).clientSetup("default"),
                    true);
            assertRecovered(seen);
        }
    }

    @Test
    void aClientClosedForIdlingByApiGatewayRecoversItsSocket() {
        // No inbound frame for 3 s closes the connection; pings 10 s apart leave the client silent that long.
        try (LocalRunner runner = TestStack.start(Map.of("skysocket.apigw-idle-timeout-ms", "3000",
                "skysocket.ping-interval-ms", "10000"))) {
            JsonNode seen = drop(runner, scenario(runner, "apigw"), false);
            assertRecovered(seen);
            assertThat(seen.path("reason").asText()).isEqualTo("transport close");
        }
    }

    @Test
    void aClientRotatedBeforeTheMaximumConnectionAgeRecoversItsSocket() {
        try (LocalRunner runner = TestStack.start(Map.of("skysocket.max-connection-age-ms", "5000"))) {
            JsonNode seen = drop(runner, scenario(runner, "apigw"), false);
            assertRecovered(seen);
            assertThat(seen.path("reason").asText()).isEqualTo("transport close");
        }
    }

    @Test
    void aClientComingBackAfterTheMaximumDisconnectionDurationGetsANewSocket() {
        Duration max = Duration.ofMillis(1500);
        try (LocalRunner runner = LocalRunner.start(Settings.of(new HashMap<>(TestStack.settings())), io -> {
            new ChatApp().configure(io);
            io.of("/").connectionStateRecovery(max);
        })) {
            NodeScenario scenario = NodeScenario.of("recovery.mjs", runner.gatewayUrl()).clientSetup("default")
                    .withEnv("RECOVERY_EXPECT", "expired");
            JsonNode seen;
            try (NodeScenario.Running running = scenario.start()) {
                String connectionId = running.awaitCheckpoint("connected").path("engineId").asText();
                close(runner, connectionId);
                running.awaitCheckpoint("dropped");
                long droppedBy = System.currentTimeMillis();
                awaitEnded(runner, connectionId);
                // The condition is time itself: the duration has passed since the server ended the connection.
                await().atMost(max.multipliedBy(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                        .until(() -> System.currentTimeMillis() - droppedBy > max.toMillis() + 500);
                running.resume();
                seen = running.await().succeeded();
            }
            assertThat(seen.path("second").path("socketId").asText())
                    .isNotEqualTo(seen.path("first").path("socketId").asText());
            assertThat(seen.path("second").path("recovered").asBoolean()).isFalse();
            assertThat(msgs(seen)).as("what was said while it was away is not replayed to a new socket")
                    .containsExactly(1, 6);
        }
    }

    private static NodeScenario scenario(LocalRunner runner, String setup) {
        return NodeScenario.of("recovery.mjs", runner.websocketUrl(), TestStack.path(runner)).clientSetup(setup);
    }

    /** Runs the scenario; its transport is closed by DELETE when {@code delete}, else it drops by itself. */
    private static JsonNode drop(LocalRunner runner, NodeScenario scenario, boolean delete) {
        try (NodeScenario.Running running = scenario.timeout(Duration.ofSeconds(90)).start()) {
            String connectionId = running.awaitCheckpoint("connected").path("engineId").asText();
            if (delete) {
                close(runner, connectionId);
            }
            running.awaitCheckpoint("dropped");
            awaitEnded(runner, connectionId);
            running.resume();
            return running.await().succeeded();
        }
    }

    /** DELETE @connections/{id} at the endpoint that serves it (the emulator, or the fallback node's private API). */
    private static void close(LocalRunner runner, String connectionId) {
        ConnectionRecord connection = runner.runtime().context().connections().find(connectionId).orElseThrow();
        boolean closed = runner.runtime().context().control().close(new Recipient(connectionId, connection.endpoint()));
        assertThat(closed).as("DELETE @connections/" + connectionId).isTrue();
    }

    /** The server has run the end of the connection: its sockets are kept, its items gone. */
    private static void awaitEnded(LocalRunner runner, String connectionId) {
        await().atMost(SERVER_SIDE).until(() -> runner.runtime().context().connections().find(connectionId).isEmpty());
    }

    private static void assertRecovered(JsonNode seen) {
        assertThat(seen.path("first").path("recovered").asBoolean()).isFalse();
        assertThat(seen.path("second").path("socketId").asText()).as("the same socket id")
                .isEqualTo(seen.path("first").path("socketId").asText());
        assertThat(seen.path("second").path("engineId").asText()).as("on a new connection")
                .isNotEqualTo(seen.path("first").path("engineId").asText());
        assertThat(seen.path("second").path("recovered").asBoolean()).as("socket.recovered").isTrue();
        assertThat(msgs(seen)).as("every message once, in order (5 went to its id, the others to its room)")
                .containsExactly(1, 2, 3, 4, 5, 6);
        List<String> offsets = new ArrayList<>();
        seen.path("heard").forEach(h -> offsets.add(h.path("offset").asText()));
        assertThat(offsets).allMatch(offset -> offset.matches("[0-9a-f]{24}")).isSorted().doesNotHaveDuplicates();
        assertThat(seen.path("heard").get(1).path("recovered").asBoolean()).as("2 came with the recovery").isTrue();
    }

    private static List<Integer> msgs(JsonNode seen) {
        List<Integer> msgs = new ArrayList<>();
        seen.path("heard").forEach(h -> msgs.add(h.path("msg").asInt()));
        return msgs;
    }
}
