package dev.skysocket.server;

import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An immutable broadcast target, as in Socket.IO: {@code to}/{@code in} add rooms, {@code except} removes
 * rooms' members; each returns a new operator. No rooms means every socket of the namespace.
 */
public final class BroadcastOperator {
    private final ServerContext ctx;
    private final String tenant;
    private final String namespace;
    private final Set<String> rooms;
    private final Set<String> exceptRooms;
    private final Set<String> exceptSockets;

    BroadcastOperator(ServerContext ctx, String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                      Set<String> exceptSockets) {
        this.ctx = ctx;
        this.tenant = tenant;
        this.namespace = namespace;
        this.rooms = Set.copyOf(rooms);
        this.exceptRooms = Set.copyOf(exceptRooms);
        this.exceptSockets = Set.copyOf(exceptSockets);
    }

    public BroadcastOperator to(String... more) {
        return new BroadcastOperator(ctx, tenant, namespace, plus(rooms, more), exceptRooms, exceptSockets);
    }

    public BroadcastOperator in(String... more) {
        return to(more);
    }

    public BroadcastOperator except(String... more) {
        return new BroadcastOperator(ctx, tenant, namespace, rooms, plus(exceptRooms, more), exceptSockets);
    }

    /** Emits to every target socket; returns what the fan-out did. */
    public FanoutReport emit(String event, Object... args) {
        if (EventNames.isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        SocketPacket packet = SocketPacket.of(SocketPacketType.EVENT, namespace, JsonValues.eventPayload(event, args));
        return new Broadcaster(ctx).deliver(tenant, namespace, rooms, exceptRooms, exceptSockets, packet);
    }

    public Set<String> rooms() {
        return rooms;
    }

    public Set<String> exceptRooms() {
        return exceptRooms;
    }

    private static Set<String> plus(Set<String> base, String... more) {
        Set<String> result = new LinkedHashSet<>(base);
        for (String room : more) {
            result.add(Rooms.checked(room));
        }
        return result;
    }
}
