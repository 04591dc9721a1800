package dev.skysocket.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A socket found by {@link BroadcastOperator#fetchSockets()} (Socket.IO's {@code RemoteSocket}): a snapshot of a
 * socket that may live on any path or node, read from the store when it was fetched. Its methods act on the live
 * socket wherever it is; the snapshot itself is not updated by them.
 */
public interface RemoteSocket {

    /** The socket id. */
    String id();

    /** The namespace the socket joined. */
    String namespace();

    /** What its client presented when it connected. */
    Handshake handshake();

    /** Its rooms when fetched, its own id room included. */
    Set<String> rooms();

    /** A copy of its {@code socket.data} when fetched; changing it changes nothing stored. */
    ObjectNode data();

    /**
     * Emits an event to this socket only.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves
     */
    EmitReport emit(String event, Object... args);

    /** Makes the socket join rooms. */
    void join(String... rooms);

    /** Makes the socket leave rooms; leaving a room it is not in does nothing. */
    void leave(String... rooms);

    /**
     * Removes the socket from its namespace ({@code io server disconnect}: its client does not reconnect); with
     * {@code closeTransport}, closes its whole connection instead, on whatever path or node it lives.
     */
    void disconnect(boolean closeTransport);
}
