package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.SocketApp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several listeners per event, catch-all listeners both ways, and packet middleware, as Socket.IO v4 runs them. */
class EventListenersTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final SocketApp app = io -> io.of("/")
            .onAny((socket, event, args, ack) -> seen.add("any " + event + " " + args))
            .onAnyOutgoing((socket, event, args) -> seen.add("out " + event + " " + args))
            .usePacket((socket, event, args) -> {
                if (event.equals("forbidden")) {
                    throw new IllegalStateException("not allowed");
                }
            })
            .onError((socket, error) -> seen.add("error " + error.getMessage()))
            .on("twice", (socket, args, ack) -> {
                seen.add("first");
                ack.send("from first");
            })
            .on("twice", (socket, args, ack) -> {
                seen.add("second");
                ack.send("from second");
            })
            .on("forbidden", (socket, args, ack) -> {
                seen.add("forbidden ran");
                ack.send("should not");
            })
            .on("ping-me", (socket, args, ack) -> socket.emit("pong", args));
    private final SocketLayerHarness layer = new SocketLayerHarness(app);

    @AfterEach
    void close() {
        layer.close();
    }

    @Test
    void everyListenerOfAnEventRunsInOrderAndTheFirstAckAnswers() {
        String id = layer.joined("/");
        layer.send(id, "427[\"twice\",1]");
        assertThat(seen).containsExactly("any twice [1]", "first", "second");
        assertThat(layer.posts(id).stream().filter(f -> f.startsWith("43")).toList())
                .containsExactly("437[\"from first\"]");
    }

    @Test
    void packetMiddlewareDropsARefusedEventTellsTheErrorListenersAndTheClientNothing() {
        String id = layer.joined("/");
        int before = layer.posts(id).size();
        layer.send(id, "428[\"forbidden\",\"x\"]");
        // As in Socket.IO the catch-all listener runs before the middleware; the event's listener never does.
        assertThat(seen).containsExactly("any forbidden [\"x\"]", "error not allowed");
        assertThat(layer.posts(id)).hasSize(before);
        layer.send(id, "429[\"twice\"]");
        assertThat(layer.posts(id)).last().isEqualTo("439[\"from first\"]");
    }

    @Test
    void outgoingListenersSeeWhatIsEmittedToTheSocket() {
        String id = layer.joined("/");
        layer.send(id, "42[\"ping-me\",{\"n\":2}]");
        assertThat(seen).containsExactly("any ping-me [{\"n\":2}]", "out pong [{\"n\":2}]");
        assertThat(layer.posts(id)).last().isEqualTo("42[\"pong\",{\"n\":2}]");
    }

    @Test
    void withoutAnErrorListenerARefusedEventIsStillDropped() {
        SocketApp bare = io -> io.of("/")
                .usePacket((socket, event, args) -> {
                    throw new IllegalArgumentException("no");
                })
                .on("echo", (socket, args, ack) -> ack.send(args));
        try (SocketLayerHarness other = new SocketLayerHarness(bare)) {
            String id = other.joined("/");
            int before = other.posts(id).size();
            other.send(id, "421[\"echo\",1]");
            assertThat(other.posts(id)).hasSize(before);
        }
    }
}
