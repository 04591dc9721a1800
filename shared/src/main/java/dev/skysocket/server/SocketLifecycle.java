package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.ConnectRefused;
import dev.skysocket.api.ConnectionHandler;
import dev.skysocket.api.DisconnectHandler;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.api.Handshake;
import dev.skysocket.api.Middleware;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.logging.LogContext;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A socket's life: joining a namespace (middleware, CONNECT answer, connection handlers), leaving it, and the
 * end of the whole connection. App handlers run here behind one guard, so an app exception never ends a
 * connection or reaches the transport.
 */
final class SocketLifecycle {
    private static final System.Logger LOG = System.getLogger(SocketLifecycle.class.getName());
    private final ServerContext ctx;

    private final SessionRestore restore;
    private final SessionKeeping keeping;

    SocketLifecycle(ServerContext ctx) {
        this.ctx = ctx;
        this.restore = new SessionRestore(ctx);
        this.keeping = new SessionKeeping(ctx);
    }

    /** A CONNECT to {@code namespaceName} with the client's auth payload (null when absent). */
    void connect(ConnectionRecord connection, String namespaceName, JsonNode auth) {
        if (connection.refusal() != null) {
            // Refused at its handshake (identity, tenant quota): Socket.IO's way to tell the client why.
            refuse(connection, namespaceName, connection.refusal(), null);
            return;
        }
        Optional<DeclaredNamespace> found = ctx.io().declared(namespaceName);
        if (found.isEmpty()) {
            refuse(connection, namespaceName, "Invalid namespace", null);
            return;
        }
        DeclaredNamespace namespace = found.get();
        // Before anything is stored, and read strongly consistent: see UserRevocation for the race with a revoke.
        if (UserRevocation.refuses(ctx, connection)) {
            refuse(connection, namespaceName, "revoked", null);
            return;
        }
        ctx.sockets().findSocket(connection.connectionId(), namespaceName)
                .ifPresent(previous -> ctx.sockets().removeSocket(previous));
        JsonNode authPayload = auth == null ? JsonValues.object() : auth;
        Optional<StoredSocket> restored = restore.restore(connection, namespaceName, authPayload,
                handshake(connection, authPayload));
        if (restored.isPresent()) { // a kept socket came back: its middleware ran when it first connected
            new SocketPresence(ctx).rejoinAll(restored.get());
            runConnectionHandlers(namespace, restored.get());
            return;
        }
        SocketRecord draft = new SocketRecord(connection.connectionId(), namespaceName,
                SocketIds.next(connection.endpoint()), connection.tenant(), null, null, JsonValues.write(authPayload), ctx.now());
        LogContext.socketId(draft.socketId());
        StoredSocket socket = new StoredSocket(ctx, connection, draft, handshake(connection, authPayload), false);
        for (Middleware check : namespace.middleware()) {
            try {
                check.check(socket);
            } catch (ConnectRefused refused) {
                refuse(connection, namespaceName, refused.getMessage(), refused.data());
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=middleware_failed namespace={0} connection={1} error={2}",
                        namespaceName, connection.connectionId(), e.getClass().getSimpleName());
                refuse(connection, namespaceName, "Internal error", null);
                return;
            }
        }
        // Stored already listing the namespace-wide room, so its two memberships are one batch, then one small
        // update that lets a removal racing this (the client's disconnect, handled at the same time) find them.
        SocketRecord stored = new SocketRecord(draft.connectionId(), draft.namespace(), draft.socketId(),
                draft.tenant(), Set.of(Rooms.EVERYONE), JsonValues.write(socket.data()), draft.authJson(),
                draft.connectedAt());
        ctx.sockets().putSocket(stored);
        ctx.rooms().addMemberships(stored, connection.endpoint(), List.of(stored.socketId(), Rooms.EVERYONE),
                connection.expiresAt());
        socket.markConnected(stored);
        List<String> early = List.copyOf(socket.roomsBeforeConnect());
        socket.roomsBeforeConnect().clear();
        socket.join(early.toArray(String[]::new));

        ObjectNode answer = JsonValues.object().put("sid", stored.socketId());
        restore.pidFor(stored).ifPresent(pid -> answer.put("pid", pid));
        socket.send(SocketPacket.of(SocketPacketType.CONNECT, namespaceName, answer));
        runConnectionHandlers(namespace, socket);
    }

    private void runConnectionHandlers(DeclaredNamespace namespace, StoredSocket socket) {
        for (ConnectionHandler handler : namespace.connectionHandlers()) {
            guard("connection", socket, () -> handler.onConnection(socket));
        }
        socket.saveDataIfChanged();
    }

    /**
     * The socket leaves its namespace as in Socket.IO: {@code disconnecting} listeners run while it is still in its
     * rooms, then it leaves them and {@code disconnect} listeners run, then its items go.
     */
    void leaveNamespace(StoredSocket socket, DisconnectReason reason) {
        Optional<DeclaredNamespace> namespace = ctx.io().declared(socket.namespace());
        namespace.ifPresent(ns -> {
            for (DisconnectHandler handler : ns.disconnectingHandlers()) {
                guard("disconnecting", socket, () -> handler.onDisconnect(socket, reason));
            }
        });
        new SocketPresence(ctx).leaveAll(socket); // still in its rooms: presence listeners can tell the others
        keeping.keepIfRecoverable(socket, reason);
        socket.markDisconnected();
        namespace.ifPresent(ns -> {
            for (DisconnectHandler handler : ns.disconnectHandlers()) {
                guard("disconnect", socket, () -> handler.onDisconnect(socket, reason));
            }
        });
        ctx.sockets().removeSocket(socket.record());
    }

    /** The connection is over: every socket leaves with {@code reason}, then the connection's items go. */
    void endConnection(String connectionId, DisconnectReason reason) {
        Optional<ConnectionRecord> connection = ctx.connections().find(connectionId);
        if (connection.isPresent()) {
            for (SocketRecord record : ctx.sockets().sockets(connectionId)) {
                leaveNamespace(load(connection.get(), record), reason);
            }
        }
        ctx.connections().remove(connectionId);
    }

    StoredSocket load(ConnectionRecord connection, SocketRecord record) {
        JsonNode auth = record.authJson() == null ? JsonValues.object() : JsonValues.read(record.authJson());
        return new StoredSocket(ctx, connection, record, handshake(connection, auth), true);
    }

    void guard(String what, StoredSocket socket, ThrowingRunnable action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "event=handler_failed handler={0} namespace={1} socket={2} error={3}: {4}",
                    what, socket.namespace(), socket.id(), e.getClass().getName(), e.getMessage());
        }
    }

    private void refuse(ConnectionRecord connection, String namespace, String message, JsonNode data) {
        ObjectNode payload = JsonValues.object().put("message", message);
        if (data != null) {
            payload.set("data", data);
        }
        new StoredSocket(ctx, connection, new SocketRecord(connection.connectionId(), namespace, "-", connection.tenant(),
                null, null, null, ctx.now()), handshake(connection, JsonValues.object()), false)
                .send(SocketPacket.of(SocketPacketType.CONNECT_ERROR, namespace, payload));
    }

    private static Handshake handshake(ConnectionRecord connection, JsonNode auth) {
        return Handshakes.of(connection, auth);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
