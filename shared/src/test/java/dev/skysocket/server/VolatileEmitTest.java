package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.EmitReport;
import dev.skysocket.api.SocketApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Volatile emits are tried once: a throttled recipient loses the event instead of the emit retrying it. */
class VolatileEmitTest {
    private final SocketApp app = io -> io.of("/")
            .on("join", (socket, args, ack) -> socket.join("r"))
            .on("volatile", (socket, args, ack) -> ack.send(failed(socket.emitVolatile("v", 1))))
            .on("reliable", (socket, args, ack) -> ack.send(failed(socket.emit("v", 2))))
            .on("room", (socket, args, ack) -> ack.send(failed(socket.to("r").asVolatile().emit("v", 3))));
    private final SocketLayerHarness layer = new SocketLayerHarness(app);

    @AfterEach
    void close() {
        layer.close();
    }

    private static int failed(EmitReport report) {
        return report.failed();
    }

    @Test
    void aThrottledVolatileEmitIsDroppedAfterOneTry() {
        String id = layer.joined("/");
        layer.api.failNext(id, 429, 1);
        layer.send(id, "421[\"volatile\"]");
        assertThat(layer.posts(id)).last().isEqualTo("431[1]");
        assertThat(eventPosts(id)).isEqualTo(1); // the stub records the refused try too
    }

    @Test
    void theSameEmitWithoutTheFlagIsRetriedAndArrives() {
        String id = layer.joined("/");
        layer.api.failNext(id, 429, 1);
        layer.send(id, "421[\"reliable\"]");
        assertThat(layer.posts(id)).contains("42[\"v\",2]").last().isEqualTo("431[0]");
        assertThat(eventPosts(id)).isEqualTo(2);
    }

    @Test
    void aVolatileRoomEmitDropsOnlyTheRecipientThatCannotTakeIt() {
        String sender = layer.joined("/");
        String throttled = layer.joined("/");
        String ready = layer.joined("/");
        layer.send(throttled, "42[\"join\"]");
        layer.send(ready, "42[\"join\"]");
        layer.api.failNext(throttled, 503, 1);
        layer.send(sender, "421[\"room\"]");
        assertThat(layer.posts(sender)).last().isEqualTo("431[1]");
        assertThat(layer.posts(ready)).last().isEqualTo("42[\"v\",3]");
        assertThat(eventPosts(throttled)).isEqualTo(1);
    }

    /** EVENT posts to the connection, refused ones included: the tries of the emit. */
    private long eventPosts(String id) {
        return layer.api.requestsFor(id).stream().filter(r -> r.method().equals("POST"))
                .filter(r -> r.bodyText().startsWith("42")).count();
    }
}
