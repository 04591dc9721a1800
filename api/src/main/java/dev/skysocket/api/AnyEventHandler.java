package dev.skysocket.api;

/**
 * A catch-all listener for incoming events (Socket.IO's {@code socket.onAny}). It runs for every event of the
 * namespace's sockets before the packet middleware and the event's own listeners, as in Socket.IO, and gets the
 * same {@link Ack} they get.
 */
@FunctionalInterface
public interface AnyEventHandler {
    void handle(Socket socket, String event, Args args, Ack ack) throws Exception;
}
