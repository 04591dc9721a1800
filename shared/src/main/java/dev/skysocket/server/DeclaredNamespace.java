package dev.skysocket.server;

import dev.skysocket.api.ConnectionHandler;
import dev.skysocket.api.DisconnectHandler;
import dev.skysocket.api.EventHandler;
import dev.skysocket.api.Middleware;
import dev.skysocket.api.Namespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Namespace} as declared by the app, with the handler lists the router reads. */
public final class DeclaredNamespace implements Namespace {
    private final String name;
    private final List<Middleware> middleware = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandler> connectionHandlers = new CopyOnWriteArrayList<>();
    private final List<DisconnectHandler> disconnectHandlers = new CopyOnWriteArrayList<>();
    private final Map<String, EventHandler> events = new ConcurrentHashMap<>();
    /** Connection state recovery's maximum disconnection duration in ms; 0: off. */
    private volatile long recoveryMs;

    DeclaredNamespace(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Namespace use(Middleware check) {
        middleware.add(check);
        return this;
    }

    @Override
    public Namespace onConnection(ConnectionHandler handler) {
        connectionHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace on(String event, EventHandler handler) {
        if (EventNames.isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        events.put(event, handler);
        return this;
    }

    @Override
    public Namespace onDisconnect(DisconnectHandler handler) {
        disconnectHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace connectionStateRecovery(Duration maxDisconnectionDuration) {
        if (maxDisconnectionDuration.isNegative()) {
            throw new IllegalArgumentException("the maximum disconnection duration cannot be negative");
        }
        recoveryMs = maxDisconnectionDuration.toMillis();
        return this;
    }

    long recoveryMs() {
        return recoveryMs;
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
