package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.Handshake;
import dev.skysocket.api.SocketApp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fields of Socket.IO's {@code socket.handshake}, from what the connection stored. */
class HandshakeFieldsTest {
    private final AtomicReference<Handshake> connected = new AtomicReference<>();
    private final AtomicReference<Handshake> later = new AtomicReference<>();
    private final SocketApp app = io -> io.of("/")
            .onConnection(socket -> connected.set(socket.handshake()))
            .on("again", (socket, args, ack) -> later.set(socket.handshake()));
    private final SocketLayerHarness layer = new SocketLayerHarness(app);

    @AfterEach
    void close() {
        layer.close();
    }

    @Test
    void aCrossSiteTlsClientsHandshake() {
        String id = layer.connect(Map.of("Origin", "https://app.example.com", "X-Forwarded-Proto", "https",
                "User-Agent", "node"));
        long before = System.currentTimeMillis();
        layer.send(id, "40{\"token\":\"t\"}");
        Handshake handshake = connected.get();
        assertThat(handshake.xdomain()).isTrue();
        assertThat(handshake.secure()).isTrue();
        assertThat(handshake.url()).isEqualTo("/?EIO=4&room=a+b&transport=websocket");
        assertThat(handshake.query()).containsEntry("room", "a b");
        assertThat(handshake.header("User-Agent")).isEqualTo("node");
        assertThat(handshake.address()).isEqualTo("127.0.0.1");
        assertThat(handshake.auth().path("token").asText()).isEqualTo("t");
        assertThat(handshake.issued()).isEqualTo(handshake.time()).isLessThanOrEqualTo(before);
        assertThat(handshake.timeText()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{4} \\d{2}:\\d{2}:\\d{2}"
                + " GMT\\+0000 \\(Coordinated Universal Time\\)");
        // Every later invocation rebuilds the same handshake from the store.
        layer.send(id, "42[\"again\"]");
        assertThat(later.get()).isEqualTo(handshake);
    }

    @Test
    void aSameSitePlainClientsHandshake() {
        String id = layer.connect(Map.of());
        layer.send(id, "40");
        assertThat(connected.get().xdomain()).isFalse();
        assertThat(connected.get().secure()).isFalse();
        assertThat(connected.get().auth().isEmpty()).isTrue();
    }
}
