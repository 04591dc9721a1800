package dev.skysocket.api;

/**
 * A catch-all listener for outgoing events (Socket.IO's {@code socket.onAnyOutgoing}). It runs before the event is
 * sent by {@link Socket#emit} to that socket. Unlike Socket.IO it does not run for each recipient of a broadcast:
 * a recipient's socket may live on another Lambda instance or gateway node, where no handler of this call runs.
 *
 * @see Namespace#onAnyOutgoing
 */
@FunctionalInterface
public interface OutgoingHandler {
    /** {@code args} are the event's arguments as they will be encoded. */
    void onOutgoing(Socket socket, String event, Args args) throws Exception;
}
