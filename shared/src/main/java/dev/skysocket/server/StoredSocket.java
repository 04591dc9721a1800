package dev.skysocket.server;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.api.AckEmitter;
import dev.skysocket.api.Args;
import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.api.Emitter;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.api.EmitReport;
import dev.skysocket.api.Handshake;
import dev.skysocket.api.PresenceMember;
import dev.skysocket.api.Socket;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.PresenceRooms;
import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A {@link Socket} over stored state: one client in one namespace during one invocation. Its rooms and data
 * are read from and written to the store, so it is the same socket in every invocation and on every instance.
 */
public final class StoredSocket implements Socket {
    private final ServerContext ctx;
    private final ConnectionRecord connection;
    private final Handshake handshake;
    private final SocketDataChanges data;
    private SocketRecord record;
    private boolean connected;
    /** Set once the socket has left its namespace: Socket.IO's {@code disconnect} listeners see no rooms. */
    private boolean left;
    private boolean recovered;
    private final List<String> roomsBeforeConnect = new ArrayList<>();

    StoredSocket(ServerContext ctx, ConnectionRecord connection, SocketRecord record, Handshake handshake, boolean connected) {
        this.ctx = ctx;
        this.connection = connection;
        this.record = record;
        this.handshake = handshake;
        this.connected = connected;
        this.data = new SocketDataChanges(record.dataJson());
    }

    @Override
    public String id() {
        return record.socketId();
    }

    @Override
    public String namespace() {
        return record.namespace();
    }

    @Override
    public String tenant() {
        return connection.tenant();
    }

    @Override
    public String user() {
        return connection.user();
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public ObjectNode data() {
        return data.data();
    }

    @Override
    public Set<String> rooms() {
        if (left) {
            return Set.of();
        }
        Set<String> rooms = new LinkedHashSet<>();
        rooms.add(id());
        rooms.addAll(record.rooms());
        rooms.addAll(roomsBeforeConnect);
        rooms.remove(Rooms.EVERYONE);
        rooms.removeIf(PresenceRooms::isMarker);
        return rooms;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void join(String... rooms) {
        int limit = ctx.config().quotas().maxRoomsPerSocket(record.tenant());
        for (String room : rooms) {
            Rooms.checked(room);
            if (!connected) {
                RoomQuota.check(roomsBeforeConnect, record.socketId(), room, limit);
                roomsBeforeConnect.add(room); // middleware may join; it takes effect once the socket exists
                continue;
            }
            RoomQuota.check(record.rooms(), record.socketId(), room, limit);
            joinChecked(room);
        }
    }

    /** Joins a room whose name was checked, or a presence marker, which the check refuses on purpose. */
    void joinChecked(String room) {
        ctx.rooms().join(record, connection.endpoint(), room, connection.expiresAt());
        Set<String> updated = new LinkedHashSet<>(record.rooms());
        updated.add(room);
        record = record.withRooms(updated);
    }

    @Override
    public void joinPresence(String room) {
        new SocketPresence(ctx).join(this, room);
    }

    @Override
    public List<PresenceMember> presence(String room) {
        return new SocketPresence(ctx).members(this, room);
    }

    @Override
    public void leave(String room) {
        roomsBeforeConnect.remove(room);
        new SocketPresence(ctx).leave(this, room);
        if (connected && record.rooms().contains(room)) {
            ctx.rooms().leave(record, room);
            Set<String> updated = new LinkedHashSet<>(record.rooms());
            updated.remove(room);
            record = record.withRooms(updated);
        }
    }

    @Override
    public EmitReport emit(String event, Object... args) {
        EventNames.requireUnreserved(event);
        SocketPacket packet = outgoing(event, args);
        // A socket's own id is the room an emit to it is logged for, so a recovered socket gets it again.
        ReplayLog.Logged logged = new ReplayLog(ctx).logging(tenant(), namespace(), Set.of(id()), Set.of(), Set.of(),
                packet);
        // Its write overlaps the delivery, a post through the Management API where the socket lives elsewhere.
        logged.start();
        try {
            return Reports.of(ctx.fanout().deliver(logged.frames(), List.of(recipient())));
        } finally {
            logged.settle();
        }
    }

    @Override
    public EmitReport emitWithoutReplay(String event, Object... args) {
        EventNames.requireUnreserved(event);
        return Reports.of(send(outgoing(event, args)));
    }

    /** Never logged for recovery: a volatile packet is one the client may miss. */
    @Override
    public EmitReport emitVolatile(String event, Object... args) {
        EventNames.requireUnreserved(event);
        SocketPacket packet = outgoing(event, args);
        return Reports.of(ctx.fanout().deliverVolatile(PacketFrames.of(packet), List.of(recipient())));
    }

    @Override
    public BroadcastOperator nsp() {
        return new StoredBroadcast(ctx, tenant(), namespace(), Set.of(), Set.of(), Set.of());
    }

    @Override
    public Emitter server() {
        return new StoreEmitter(ctx, tenant());
    }

    /** The EVENT packet of an emit to this socket, after the namespace's outgoing listeners saw it. */
    private SocketPacket outgoing(String event, Object... args) {
        Metrics.count(Metric.EVENTS_OUT);
        ArrayNode payload = JsonValues.eventPayload(event, args);
        new OutgoingListeners(ctx).notify(this, event, Args.of(payload, 1));
        return SocketPacket.of(SocketPacketType.EVENT, namespace(), payload);
    }

    @Override
    public boolean recovered() {
        return recovered;
    }

    @Override
    public BroadcastOperator to(String... rooms) {
        return broadcast().to(rooms);
    }

    @Override
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    @Override
    public BroadcastOperator except(String... rooms) {
        return broadcast().except(rooms);
    }

    @Override
    public BroadcastOperator broadcast() {
        return new StoredBroadcast(ctx, tenant(), namespace(), Set.of(), Set.of(), Set.of(id()));
    }

    @Override
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
        data.markSaved(); // the new socket was stored with the data middleware left
        this.connected = true;
    }

    void markRecovered() {
        this.recovered = true;
    }

    void markDisconnected() {
        this.connected = false;
        this.left = true;
    }

    /**
     * Saves what a handler changed in {@code data}: the top-level keys it set, changed or deleted, each on its own,
     * so another handler of this socket running at the same time keeps its own changes to other keys.
     */
    void saveDataIfChanged() {
        if (!connected) {
            return;
        }
        data.save(ctx.sockets(), connection.connectionId(), namespace());
    }

    // ---- server-to-client acks (SocketAckEmitter) ----

    @Override
    public AckEmitter timeout(long millis) {
        return new SocketAckEmitter(ctx, this, SocketAckEmitter.checkedTimeout(millis));
    }

    @Override
    public CompletionStage<Args> emitWithAck(String event, Object... args) {
        return new SocketAckEmitter(ctx, this, 0).emitWithAck(event, args);
    }
}
