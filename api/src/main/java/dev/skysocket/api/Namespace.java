package dev.skysocket.api;

import java.time.Duration;

/**
 * A namespace's middleware, connection, event and disconnect handlers. Registered once per process in
 * {@link SocketApp#configure}; read by every invocation afterwards, so handlers keep no per-socket state in
 * fields: what a socket needs later goes into {@link Socket#data()} or its rooms.
 * <p>
 * Socket.IO registers event listeners on each socket ({@code socket.on}, {@code socket.use}, {@code onAny}); here
 * they are registered on the namespace and apply to every socket of it, because a socket's events may be handled
 * by any Lambda instance, none of which ran its connection handler.
 */
public interface Namespace {

    /** The name, e.g. {@code "/"} or {@code "/admin"}; for a dynamic namespace, its pattern's text. */
    String name();

    /** Adds middleware; they run in the order added, and the first refusal wins. */
    Namespace use(Middleware check);

    /** Runs once a socket has joined this namespace (Socket.IO's {@code connection} event). */
    Namespace onConnection(ConnectionHandler handler);

    /**
     * Adds a listener of one event. Several listeners of one event all run, in the order added, as on Socket.IO's
     * event emitter; they get the same {@link Ack}, whose first {@code send} answers the client.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves
     */
    Namespace on(String event, EventHandler handler);

    /** Adds a catch-all listener of incoming events (Socket.IO's {@code socket.onAny}). */
    Namespace onAny(AnyEventHandler handler);

    /** Adds a catch-all listener of events emitted to a socket (Socket.IO's {@code socket.onAnyOutgoing}). */
    Namespace onAnyOutgoing(OutgoingHandler handler);

    /** Adds packet middleware (Socket.IO's {@code socket.use}); they run in the order added. */
    Namespace usePacket(PacketMiddleware check);

    /** Adds a listener of the errors packet middleware refuses events with (Socket.IO's {@code socket.on("error")}). */
    Namespace onError(ErrorHandler handler);

    /**
     * Runs when a socket is about to leave this namespace (Socket.IO's {@code disconnecting}): it is still in its
     * rooms, so {@link Socket#rooms()} lists them. The {@link #onDisconnect} listeners run after it.
     */
    Namespace onDisconnecting(DisconnectHandler handler);

    /**
     * Runs when a socket has left this namespace, with Socket.IO's reason; as in Socket.IO the socket is no longer
     * connected and in no room.
     */
    Namespace onDisconnect(DisconnectHandler handler);
    /**
     * Turns on connection state recovery (Socket.IO's {@code connectionStateRecovery}; off by default): a socket
     * whose transport drops (closed, failed, ping timeout, the server's rotation) is kept for
     * {@code maxDisconnectionDuration} (Socket.IO's default is 2 minutes). A client that reconnects within it gets
     * the same socket id, rooms and {@code data}, and every packet emitted to it or broadcast to its rooms meanwhile,
     * in order; {@link Socket#recovered()} is then true and the middleware does not run again. Every emit and
     * broadcast of the namespace then carries an offset as an extra last argument (as in Socket.IO), except
     * {@link Socket#emitWithoutReplay} and acks. {@link Duration#ZERO} turns it off.
     */
    Namespace connectionStateRecovery(Duration maxDisconnectionDuration);

    /**
     * Adds a listener of presence changes in this namespace's rooms ({@link Socket#joinPresence}): a member's
     * arrival and departure, each heard once however many sockets the member has.
     */
    Namespace onPresence(PresenceHandler handler);
}
