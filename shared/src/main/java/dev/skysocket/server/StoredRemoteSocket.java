package dev.skysocket.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.EmitReport;
import dev.skysocket.api.Handshake;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.fanout.ConnectionControl;
import java.util.Set;

/**
 * A {@link RemoteSocket} over a socket loaded from the store. Its actions go through the same {@link StoredSocket}
 * a handler gets, so a join writes the membership with the socket's own endpoint and a disconnect reaches the
 * connection through that endpoint's Management API (API Gateway's, or the owning gateway node's private one).
 */
final class StoredRemoteSocket implements RemoteSocket {
    private static final System.Logger LOG = System.getLogger(StoredRemoteSocket.class.getName());

    private final StoredSocket socket;
    private final ConnectionControl control;
    private final Set<String> rooms;
    private final ObjectNode data;

    /** @param control reaches the endpoint that owns the socket, to tell it of a change made here */
    StoredRemoteSocket(StoredSocket socket, ConnectionControl control) {
        this.socket = socket;
        this.control = control;
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

    /** Past the rooms-per-socket quota this throws, after telling the owner of the rooms joined before it. */
    @Override
    public void join(String... rooms) {
        try {
            socket.join(rooms);
        } finally {
            tellOwner();
        }
    }

    @Override
    public void leave(String... rooms) {
        for (String room : rooms) {
            socket.leave(room);
        }
        tellOwner();
    }

    /** Closing the transport needs no word: the owner ends the connection's sockets itself. */
    @Override
    public void disconnect(boolean closeTransport) {
        socket.disconnect(closeTransport);
        if (!closeTransport) {
            tellOwner();
        }
    }

    /**
     * The change reached the store only; a gateway node owning the socket holds its rooms in memory too and
     * re-reads them when told. A failure leaves the store right and is logged, not thrown: the operation is done.
     */
    private void tellOwner() {
        try {
            control.membershipsChanged(socket.recipient());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event=memberships_changed_failed connection={0} error={1}",
                    socket.recipient().connectionId(), e.getClass().getSimpleName());
        }
    }
}
