package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.SocketApp;
import dev.skysocket.testing.OperationRecorder;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB calls presence adds to an event or a disconnect (docs/presence.md's cost table): each figure is
 * the difference between the same step with and without presence, so the route's own reads cancel out.
 */
class PresenceCostTest {
    private final OperationRecorder recorder = new OperationRecorder();
    private final SocketApp app = io -> io.of("/")
            .on("noop", (socket, args, ack) -> { })
            .on("enter", (socket, args, ack) -> socket.joinPresence(args.text(0)))
            .on("exit", (socket, args, ack) -> socket.leave(args.text(0)))
            .on("look", (socket, args, ack) -> socket.presence(args.text(0)));
    // The room directory's registration (one UpdateItem per process and room, docs/rooms.md) is not presence's.
    private final SocketLayerHarness layer = new SocketLayerHarness(app, Map.of("skysocket.room-directory", "false"),
            recorder);

    @AfterEach
    void close() {
        assertThat(recorder.operations()).doesNotContain("Scan");
        layer.close();
    }

    @Test
    void joinListLeaveAndDisconnectCostTheCallsTheDocsState() {
        String a = layer.joined("/");
        Map<String, Integer> event = calls(() -> layer.send(a, "42[\"noop\"]"));

        assertThat(minus(calls(() -> layer.send(a, "42[\"enter\",\"deck\"]")), event)).as("joinPresence")
                .isEqualTo(Map.of("PutItem", 2, "UpdateItem", 3));
        assertThat(minus(calls(() -> layer.send(a, "42[\"enter\",\"deck\"]")), event)).as("joinPresence again")
                .isEqualTo(Map.of("PutItem", 1, "UpdateItem", 1));
        assertThat(minus(calls(() -> layer.send(a, "42[\"look\",\"deck\"]")), event)).as("presence(room)")
                .isEqualTo(Map.of("Query", 1));
        assertThat(minus(calls(() -> layer.send(a, "42[\"exit\",\"deck\"]")), event)).as("leave, last socket")
                .isEqualTo(Map.of("UpdateItem", 3, "DeleteItem", 3));

        String plain = layer.joined("/");
        String member = layer.joined("/");
        layer.send(member, "42[\"enter\",\"deck\"]");
        Map<String, Integer> disconnect = calls(() -> layer.disconnect(plain));
        assertThat(minus(calls(() -> layer.disconnect(member)), disconnect)).as("disconnect of a member")
                .isEqualTo(Map.of("UpdateItem", 2, "DeleteItem", 1));
    }

    private Map<String, Integer> calls(Runnable step) {
        recorder.clear();
        step.run();
        Map<String, Integer> counts = new TreeMap<>();
        for (String operation : recorder.operations()) {
            counts.merge(operation, 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> minus(Map<String, Integer> with, Map<String, Integer> without) {
        Map<String, Integer> diff = new TreeMap<>(with);
        without.forEach((operation, count) -> diff.merge(operation, -count, Integer::sum));
        diff.values().removeIf(count -> count == 0);
        System.out.println("presence cost: " + diff);
        return diff;
    }
}
