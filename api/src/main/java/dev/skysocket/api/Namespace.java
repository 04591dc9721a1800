package dev.skysocket.api;

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
}
