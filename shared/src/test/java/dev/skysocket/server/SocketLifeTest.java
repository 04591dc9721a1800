package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.SocketApp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code disconnecting} before the rooms are left, {@code disconnect} after, as Socket.IO orders them. */
class SocketLifeTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final SocketApp app = io -> io.of("/")
            .onConnection(socket -> socket.join("lobby"))
            .onDisconnecting((socket, reason) -> {
                seen.add("disconnecting " + reason.wire() + " connected=" + socket.connected()
                        + " rooms=" + socket.rooms().contains("lobby"));
                socket.to("lobby").emit("left", socket.id());
            })
            .onDisconnect((socket, reason) -> seen.add("disconnect " + reason.wire() + " connected="
                    + socket.connected() + " rooms=" + socket.rooms()));
    private final SocketLayerHarness layer = new SocketLayerHarness(app);

    @AfterEach
    void close() {
        layer.close();
    }

    @Test
    void disconnectingSeesTheRoomsAndDisconnectRunsAfterThem() {
        String leaving = layer.joined("/");
        String staying = layer.joined("/");
        layer.disconnect(leaving);
        assertThat(seen).containsExactly("disconnecting transport close connected=true rooms=true",
                "disconnect transport close connected=false rooms=[]");
        assertThat(layer.posts(staying)).last().asString().startsWith("42[\"left\",");
    }

    @Test
    void aClientNamespaceDisconnectRunsBothWithItsReason() {
        String id = layer.joined("/");
        layer.send(id, "41");
        assertThat(seen).containsExactly("disconnecting client namespace disconnect connected=true rooms=true",
                "disconnect client namespace disconnect connected=false rooms=[]");
    }
}
