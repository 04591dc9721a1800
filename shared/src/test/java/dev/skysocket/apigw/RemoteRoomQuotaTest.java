package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.api.Emitter;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.api.RoomQuotaExceededException;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.MetricSink;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.server.StoreEmitter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rooms-per-socket quota on joins made from outside any handler (a backend's emitter, the publish endpoint's
 * socketsJoin): a full socket is skipped and counted, the others still join.
 */
class RemoteRoomQuotaTest {
    private final RecordingApp app = new RecordingApp();
    private final RouteHarness routes = new RouteHarness(app, Map.of("skysocket.max-rooms-per-socket", "2"));
    private final Emitter emitter = new StoreEmitter(routes.runtime.context(), "default");
    private final LongAdder refusals = new LongAdder();
    private MetricSink previous;

    @BeforeEach
    void countRefusals() {
        previous = Metrics.install((metric, value) -> {
            if (metric == Metric.QUOTA_REFUSALS) {
                refusals.add((long) value);
            }
        });
    }

    @AfterEach
    void close() {
        Metrics.install(previous);
        routes.close();
    }

    @Test
    void socketsJoinSkipsTheSocketAtItsQuotaAndJoinsTheOthers() {
        String full = joined("red", "blue");
        String roomy = joined("red");

        emitter.of("/").in("red").socketsJoin("green");

        assertThat(roomsOf(full)).containsExactlyInAnyOrder("red", "blue");
        assertThat(roomsOf(roomy)).containsExactlyInAnyOrder("red", "green");
        assertThat(refusals.sum()).isEqualTo(1);
        emitter.of("/").in("red").socketsJoin("blue");
        assertThat(roomsOf(full)).as("a room it is in already costs nothing").containsExactlyInAnyOrder("red", "blue");
        assertThat(refusals.sum()).as("roomy is full now too").isEqualTo(2);
    }

    @Test
    void aRemoteSocketsOwnJoinPastTheQuotaThrowsTheTypedError() {
        String full = joined("red", "blue");
        RemoteSocket remote = emitter.of("/").in("blue").fetchSockets().get(0);

        assertThatThrownBy(() -> remote.join("green")).isInstanceOf(RoomQuotaExceededException.class);
        assertThat(roomsOf(full)).containsExactlyInAnyOrder("red", "blue");
        assertThat(refusals.sum()).isEqualTo(1);
    }

    private String joined(String... rooms) {
        String id = routes.connect();
        routes.send(id, "40");
        for (String room : rooms) {
            routes.send(id, "42[\"join\",\"" + room + "\"]");
        }
        return id;
    }

    private Set<String> roomsOf(String connectionId) {
        // The namespace-wide room is stored among them; its name starts with a control character no app room has.
        return routes.runtime.context().sockets().findSocket(connectionId, "/").orElseThrow().rooms()
                .stream().filter(room -> !room.startsWith("\u0000")).collect(Collectors.toSet());
    }
}
