package dev.skysocket.server;

import dev.skysocket.api.AnyEventHandler;
import dev.skysocket.api.ConnectionHandler;
import dev.skysocket.api.DisconnectHandler;
import dev.skysocket.api.ErrorHandler;
import dev.skysocket.api.EventHandler;
import dev.skysocket.api.Middleware;
import dev.skysocket.api.Namespace;
import dev.skysocket.api.OutgoingHandler;
import dev.skysocket.api.PacketMiddleware;
import dev.skysocket.api.PresenceHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Namespace} as declared by the app, with the handler lists the router reads. */
public final class DeclaredNamespace implements Namespace {
    private final String name;
    private final List<Middleware> middleware = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandler> connectionHandlers = new CopyOnWriteArrayList<>();
    private final List<DisconnectHandler> disconnectingHandlers = new CopyOnWriteArrayList<>();
    private final List<DisconnectHandler> disconnectHandlers = new CopyOnWriteArrayList<>();
    private final Map<String, List<EventHandler>> events = new ConcurrentHashMap<>();
    private final List<AnyEventHandler> anyHandlers = new CopyOnWriteArrayList<>();
    private final List<OutgoingHandler> outgoingHandlers = new CopyOnWriteArrayList<>();
    private final List<PacketMiddleware> packetMiddleware = new CopyOnWriteArrayList<>();
    private final List<ErrorHandler> errorHandlers = new CopyOnWriteArrayList<>();
    private final List<PresenceHandler> presenceHandlers = new CopyOnWriteArrayList<>();
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
        events.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(handler);
        return this;
    }

    @Override
    public Namespace onAny(AnyEventHandler handler) {
        anyHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace onAnyOutgoing(OutgoingHandler handler) {
        outgoingHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace usePacket(PacketMiddleware check) {
        packetMiddleware.add(check);
        return this;
    }

    @Override
    public Namespace onError(ErrorHandler handler) {
        errorHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace onDisconnecting(DisconnectHandler handler) {
        disconnectingHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace onDisconnect(DisconnectHandler handler) {
        disconnectHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace onPresence(PresenceHandler handler) {
        presenceHandlers.add(handler);
        return this;
    }

    List<PresenceHandler> presenceHandlers() {
        return presenceHandlers;
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

    List<DisconnectHandler> disconnectingHandlers() {
        return disconnectingHandlers;
    }

    List<DisconnectHandler> disconnectHandlers() {
        return disconnectHandlers;
    }

    /** The event's listeners in the order added; empty when nobody listens. */
    List<EventHandler> handlers(String event) {
        return events.getOrDefault(event, List.of());
    }

    List<AnyEventHandler> anyHandlers() {
        return anyHandlers;
    }

    List<OutgoingHandler> outgoingHandlers() {
        return outgoingHandlers;
    }

    List<PacketMiddleware> packetMiddleware() {
        return packetMiddleware;
    }

    List<ErrorHandler> errorHandlers() {
        return errorHandlers;
    }
}
