package dev.skysocket.api;

/**
 * Runs for each incoming event before its listeners (Socket.IO's {@code socket.use((packet, next) => ...)}).
 * Returning lets the event through; throwing refuses it, as {@code next(err)} does in Socket.IO: the event is
 * dropped (no listener runs, an ack the client asked for is never answered), the client is told nothing, and the
 * error goes to the namespace's {@link Namespace#onError error listeners} for that socket.
 * <p>
 * Registered per namespace with {@link Namespace#usePacket}, so it applies to every socket of the namespace: a
 * serverless process cannot keep a closure registered on one socket between invocations. A check that should
 * hold for some sockets only reads {@link Socket#data()} or the handshake.
 */
@FunctionalInterface
public interface PacketMiddleware {
    void check(Socket socket, String event, Args args) throws Exception;
}
