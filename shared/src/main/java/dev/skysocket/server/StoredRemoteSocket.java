package dev.skysocket.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.EmitReport;
import dev.skysocket.api.Handshake;
import dev.skysocket.api.RemoteSocket;
import java.util.Set;

/**
 * A {@link RemoteSocket} over a socket loaded from the store. Its actions go through the same {@link StoredSocket}
 * a handler gets, so a join writes the membership with the socket's own endpoint and a disconnect reaches the
 * connection through that endpoint's Management API (API Gateway's, or the owning gateway node's private one).
 */
final class StoredRemoteSocket implements RemoteSocket {
    private final StoredSocket socket;
    private final Set<String> rooms;
    private final ObjectNode data;

    StoredRemoteSocket(StoredSocket socket) {
        this.socket = socket;
        this.rooms = Set.copyOf(socket.rooms());
        this.data = socket.data().deepCopy();
    }

    @Override
    public String id() {
        return socket.id();
    }

    @Override
    public String namespace() {
        return socket.namespace();
    }

    @Override
    public Handshake handshake() {
        return socket.handshake();
    }

    @Override
    public Set<String> rooms() {
        return rooms;
    }

    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }

    @Override
    public EmitReport emit(String event, Object... args) {
        return socket.emit(event, args);
    }

    @Override
    public void join(String... rooms) {
        socket.join(rooms);
    }

    @Override
    public void leave(String... rooms) {
        for (String room : rooms) {
            socket.leave(room);
        }
    }

    @Override
    public void disconnect(boolean closeTransport) {
        socket.disconnect(closeTransport);
    }
}
