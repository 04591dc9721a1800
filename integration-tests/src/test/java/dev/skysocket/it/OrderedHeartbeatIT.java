package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The heartbeat in ordered mode behind a backlog. A stock socket.io-client emits 150 events at once to a handler
 * that takes 40 ms each, so its connection's queue holds at least 6 s of frames from the start, and the pong that
 * answers the first ping (about 1 s in) waits behind them longer than the ping timeout (3 s, after which the sweep
 * ends a connection) and the client's own window (ping interval + ping timeout, 4 s, after which it gives up). The
 * connection must live through it and every echo come back, in order.
 */
@Timeout(180)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "needs its own app and the delivery-mode setting of the local stack")
class OrderedHeartbeatIT {
    private static final int EVENTS = 150;
    private static final long HANDLER_MS = 40;

    @Test
    void aPongQueuedBehindSecondsOfFramesDoesNotEndTheConnection() {
        Map<String, String> settings = new HashMap<>(TestStack.settings());
        settings.put("skysocket.apigw-message-delivery", "ordered");
        settings.put("skysocket.rate-limit-burst", "0");
        settings.put("skysocket.rate-limit-per-second", "0");
        settings.put("skysocket.tenant-events-per-second", "0");
        try (LocalRunner runner = LocalRunner.start(Settings.of(settings), new SlowEcho())) {
            JsonNode seen = NodeScenario.of("burst.mjs", runner.websocketUrl(), TestStack.path(runner))
                    .withEnv("SKYSOCKET_EVENTS", Integer.toString(EVENTS))
                    .timeout(Duration.ofSeconds(90)).run().succeeded();
            List<Integer> echoes = new ArrayList<>();
            seen.path("echoes").forEach(n -> echoes.add(n.asInt()));
            assertThat(echoes).containsExactlyElementsOf(IntStream.range(0, EVENTS).boxed().toList());
        }
    }

    /** {@code echo}, slowed down: a handler whose work (store calls, an outside API) takes 40 ms. */
    private static final class SlowEcho implements SocketApp {
        @Override
        public void configure(SocketServer io) {
            io.of("/").on("echo", (socket, args, ack) -> {
                Thread.sleep(HANDLER_MS);
                socket.emitWithoutReplay("echo", args);
            });
        }
    }
}
