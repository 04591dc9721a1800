package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.SocketApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Emits to the namespace, its rooms and other namespaces from inside a handler ({@code nsp()}, {@code server()}). */
class NamespaceEmitsTest {
    private final SocketApp app = io -> {
        io.of("/")
                .on("join", (socket, args, ack) -> socket.join(args.text(0)))
                .on("all", (socket, args, ack) -> socket.nsp().emit("news", args.get(0)))
                .on("room", (socket, args, ack) -> socket.nsp().to(args.text(0)).emit("news", "room"))
                .on("but", (socket, args, ack) -> socket.nsp().except(args.text(0)).emit("news", "but"))
                .on("admins", (socket, args, ack) -> socket.server().of("/admin").emit("news", "admins"));
        io.of("/admin");
    };
    private final SocketLayerHarness layer = new SocketLayerHarness(app);

    @AfterEach
    void close() {
        layer.close();
    }

    @Test
    void theNamespaceIncludesTheSender() {
        String a = layer.joined("/");
        String b = layer.joined("/");
        layer.send(a, "42[\"all\",1]");
        assertThat(layer.posts(a)).last().isEqualTo("42[\"news\",1]");
        assertThat(layer.posts(b)).last().isEqualTo("42[\"news\",1]");
    }

    @Test
    void roomsAndExceptionsNarrowIt() {
        String a = layer.joined("/");
        String b = layer.joined("/");
        layer.send(b, "42[\"join\",\"r\"]");
        layer.send(a, "42[\"room\",\"r\"]");
        assertThat(layer.posts(b)).last().isEqualTo("42[\"news\",\"room\"]");
        assertThat(layer.posts(a)).noneMatch(f -> f.contains("news"));
        layer.send(a, "42[\"but\",\"r\"]");
        assertThat(layer.posts(a)).last().isEqualTo("42[\"news\",\"but\"]");
        assertThat(layer.posts(b)).filteredOn(f -> f.contains("\"but\"")).isEmpty();
    }

    @Test
    void anotherNamespaceIsReachedThroughTheServer() {
        String a = layer.joined("/");
        String admin = layer.joined("/admin");
        layer.send(a, "42[\"admins\"]");
        assertThat(layer.posts(admin)).last().isEqualTo("42/admin,[\"news\",\"admins\"]");
        assertThat(layer.posts(a)).noneMatch(f -> f.contains("news"));
    }
}
