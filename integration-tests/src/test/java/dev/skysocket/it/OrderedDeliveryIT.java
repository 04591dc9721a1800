package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.app.RecordingChatApp;
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
 * Per-connection order: a stock socket.io-client emits 200 events without waiting. In ordered mode (the emulated
 * SQS FIFO queue grouped by connection id, as template.yaml's {@code MessageDelivery=ordered}) the app's handler
 * sees them in the order they were emitted; in direct mode only what the README promises is asserted: each event
 * reaches the handler exactly once when nothing fails, in no promised order.
 */
@Timeout(180)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "needs the recording app and the delivery-mode setting of the local stack")
class OrderedDeliveryIT {
    private static final int EVENTS = 200;
    private static final Duration SERVER_SIDE = Duration.ofSeconds(30);

    @Test
    void inOrderedModeTheHandlerSeesABurstInTheOrderItWasEmitted() {
        RecordingChatApp app = new RecordingChatApp();
        try (LocalRunner runner = start(app, "ordered")) {
            JsonNode seen = burst(runner);
            List<Integer> handled = handled(app, seen.path("socketId").asText());
            assertThat(handled).containsExactlyElementsOf(IntStream.range(0, EVENTS).boxed().toList());
            assertThat(numbers(seen.path("echoes"))).containsExactlyElementsOf(handled);
        }
    }

    @Test
    void inDirectModeEveryEventReachesTheHandlerOnceInNoPromisedOrder() {
        RecordingChatApp app = new RecordingChatApp();
        try (LocalRunner runner = start(app, "direct")) {
            JsonNode seen = burst(runner);
            assertThat(handled(app, seen.path("socketId").asText()))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, EVENTS).boxed().toList());
            assertThat(numbers(seen.path("echoes"))).hasSize(EVENTS).doesNotHaveDuplicates();
        }
    }

    private static JsonNode burst(LocalRunner runner) {
        return NodeScenario.of("burst.mjs", runner.websocketUrl(), TestStack.path(runner))
                .withEnv("SKYSOCKET_EVENTS", Integer.toString(EVENTS))
                .timeout(Duration.ofSeconds(90)).run().succeeded();
    }

    /** The {@code seq} of every echo the app's handler ran for this socket, in the order it ran them. */
    private static List<Integer> handled(RecordingChatApp app, String socketId) {
        await().atMost(SERVER_SIDE).until(() -> ofSocket(app, socketId).size() >= EVENTS);
        return ofSocket(app, socketId).stream()
                .map(args -> Integer.parseInt(args.replaceAll("\\D+", "")))
                .toList();
    }

    private static List<String> ofSocket(RecordingChatApp app, String socketId) {
        return app.received().stream()
                .filter(r -> r.socketId().equals(socketId) && r.event().equals("echo"))
                .map(RecordingChatApp.Received::args).toList();
    }

    private static List<Integer> numbers(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static LocalRunner start(RecordingChatApp app, String delivery) {
        Map<String, String> settings = new HashMap<>(TestStack.settings());
        settings.put("skysocket.apigw-message-delivery", delivery);
        // This test is about delivery order: the inbound limits' per-frame counter writes (one hot item per
        // connection on DynamoDB Local) are measured elsewhere (RateLimitIT) and would only slow the burst here.
        settings.put("skysocket.rate-limit-burst", "0");
        settings.put("skysocket.rate-limit-per-second", "0");
        settings.put("skysocket.tenant-events-per-second", "0");
        return LocalRunner.start(Settings.of(settings), app);
    }
}
