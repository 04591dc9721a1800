package dev.skysocket.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A static namespace: its middleware, connection, event and disconnect handlers. Registered once per process
 * in {@link SocketApp#configure}; read by every invocation afterwards.
 */
public final class Namespace {
    private final String name;
    private final List<Middleware> middleware = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandler> connectionHandlers = new CopyOnWriteArrayList<>();
    private final List<DisconnectHandler> disconnectHandlers = new CopyOnWriteArrayList<>();
    private final Map<String, EventHandler> events = new ConcurrentHashMap<>();

    Namespace(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Adds middleware; they run in the order added, and the first refusal wins. */
    public Namespace use(Middleware check) {
        middleware.add(check);
        return this;
    }

    public Namespace onConnection(ConnectionHandler handler) {
        connectionHandlers.add(handler);
        return this;
    }

    /** Registers the handler of one event; a second registration for the same name replaces the first. */
    public Namespace on(String event, EventHandler handler) {
        if (EventNames.isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        events.put(event, handler);
        return this;
    }

    public Namespace onDisconnect(DisconnectHandler handler) {
        disconnectHandlers.add(handler);
        return this;
    }

    List<Middleware> middleware() {
        return middleware;
    }

    List<ConnectionHandler> connectionHandlers() {
        return connectionHandlers;
    }

    List<DisconnectHandler> disconnectHandlers() {
        return disconnectHandlers;
    }

    Optional<EventHandler> handler(String event) {
        return Optional.ofNullable(events.get(event));
    }
}
