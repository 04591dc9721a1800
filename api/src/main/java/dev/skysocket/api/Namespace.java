package dev.skysocket.api;

import java.time.Duration;

/**
 * A namespace's middleware, connection, event and disconnect handlers. Registered once per process in
 * {@link SocketApp#configure}; read by every invocation afterwards, so handlers keep no per-socket state in
 * fields: what a socket needs later goes into {@link Socket#data()} or its rooms.
 */
public interface Namespace {

    /** The name, e.g. {@code "/"} or {@code "/admin"}. */
    String name();

    /** Adds middleware; they run in the order added, and the first refusal wins. */
    Namespace use(Middleware check);

    /** Runs once a socket has joined this namespace (Socket.IO's {@code connection} event). */
    Namespace onConnection(ConnectionHandler handler);

    /**
     * Registers the handler of one event; a second registration for the same name replaces the first.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves
     */
    Namespace on(String event, EventHandler handler);

    /** Runs when a socket leaves this namespace, with Socket.IO's reason. */
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
}
