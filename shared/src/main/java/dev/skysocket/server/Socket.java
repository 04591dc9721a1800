package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client in one namespace, as seen by a handler during one invocation. Its state (rooms, {@code data})
 * lives in the store, so it is the same socket in every invocation and on every instance.
 */
public final class Socket {
    private final ServerContext ctx;
    private final ConnectionRecord connection;
    private final Handshake handshake;
    private final ObjectNode data;
    private final String storedData;
    private SocketRecord record;
    private boolean connected;
    private final List<String> roomsBeforeConnect = new ArrayList<>();

    Socket(ServerContext ctx, ConnectionRecord connection, SocketRecord record, Handshake handshake, boolean connected) {
        this.ctx = ctx;
        this.connection = connection;
        this.record = record;
        this.handshake = handshake;
        this.connected = connected;
        JsonNode parsed = record.dataJson() == null ? null : JsonValues.read(record.dataJson());
        this.data = parsed instanceof ObjectNode object ? object : JsonValues.object();
        this.storedData = JsonValues.write(this.data);
    }

    public String id() {
        return record.socketId();
    }

    public String namespace() {
        return record.namespace();
    }

    public String tenant() {
        return connection.tenant();
    }

    /** The authenticated user, or null. */
    public String user() {
        return connection.user();
    }

    public Handshake handshake() {
        return handshake;
    }

    /** Free-form data kept with the socket between invocations ({@code socket.data}); saved when a handler ends. */
    public ObjectNode data() {
        return data;
    }

    /** The rooms this socket is in, its own id room included, as in Socket.IO. */
    public Set<String> rooms() {
        Set<String> rooms = new LinkedHashSet<>();
        rooms.add(id());
        rooms.addAll(record.rooms());
        rooms.addAll(roomsBeforeConnect);
        rooms.remove(Rooms.EVERYONE);
        return rooms;
    }

    public boolean connected() {
        return connected;
    }

    public void join(String... rooms) {
        for (String room : rooms) {
            Rooms.checked(room);
            if (!connected) {
                roomsBeforeConnect.add(room); // middleware may join; it takes effect once the socket exists
                continue;
            }
            ctx.rooms().join(record, connection.endpoint(), room, connection.expiresAt());
            Set<String> updated = new LinkedHashSet<>(record.rooms());
            updated.add(room);
            record = withRooms(updated);
        }
    }

    public void leave(String room) {
        roomsBeforeConnect.remove(room);
        if (connected && record.rooms().contains(room)) {
            ctx.rooms().leave(record, room);
            Set<String> updated = new LinkedHashSet<>(record.rooms());
            updated.remove(room);
            record = withRooms(updated);
        }
    }

    /** Emits to this socket only. */
    public FanoutReport emit(String event, Object... args) {
        if (EventNames.isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        return send(SocketPacket.of(SocketPacketType.EVENT, namespace(), JsonValues.eventPayload(event, args)));
    }

    /** Every socket in these rooms except this one. */
    public BroadcastOperator to(String... rooms) {
        return broadcast().to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return broadcast().except(rooms);
    }

    /** Every socket of the namespace except this one. */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(ctx, tenant(), namespace(), Set.of(), Set.of(), Set.of(id()));
    }

    /**
     * Removes this socket from its namespace and tells the client ({@code io server disconnect}: the client does
     * not reconnect). With {@code closeTransport}, the whole connection is closed instead, and the client
     * reconnects by itself.
     */
    public void disconnect(boolean closeTransport) {
        if (closeTransport) {
            ctx.control().close(recipient());
            return;
        }
        if (connected) {
            send(SocketPacket.of(SocketPacketType.DISCONNECT, namespace(), null));
            new SocketLifecycle(ctx).leaveNamespace(this, DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        }
    }

    FanoutReport send(SocketPacket packet) {
        return ctx.fanout().deliver(PacketFrames.of(packet), List.of(recipient()));
    }

    Recipient recipient() {
        return new Recipient(connection.connectionId(), connection.endpoint());
    }

    ConnectionRecord connection() {
        return connection;
    }

    SocketRecord record() {
        return record;
    }

    List<String> roomsBeforeConnect() {
        return roomsBeforeConnect;
    }

    void markConnected(SocketRecord stored) {
        this.record = stored;
        this.connected = true;
    }

    void markDisconnected() {
        this.connected = false;
    }

    /** Saves {@code data} if a handler changed it. */
    void saveDataIfChanged() {
        String now = JsonValues.write(data);
        if (connected && !now.equals(storedData)) {
            ctx.connections().saveSocketData(connection.connectionId(), namespace(), now);
        }
    }

    private SocketRecord withRooms(Set<String> rooms) {
        return new SocketRecord(record.connectionId(), record.namespace(), record.socketId(), record.tenant(), rooms,
                record.dataJson(), record.authJson(), record.connectedAt());
    }
}
