package dev.skysocket.server;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.api.Args;
import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.api.EmitReport;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A {@link BroadcastOperator} scoped to one tenant and namespace, delivered by {@link Broadcaster}. Immutable:
 * {@code to}/{@code in}/{@code except} return a new operator.
 */
public final class StoredBroadcast implements BroadcastOperator {
    private final ServerContext ctx;
    private final String tenant;
    private final String namespace;
    private final Set<String> rooms;
    private final Set<String> exceptRooms;
    private final Set<String> exceptSockets;
    private final boolean volatileOnly;

    StoredBroadcast(ServerContext ctx, String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                      Set<String> exceptSockets) {
        this(ctx, tenant, namespace, rooms, exceptRooms, exceptSockets, false);
    }

    private StoredBroadcast(ServerContext ctx, String tenant, String namespace, Set<String> rooms,
                            Set<String> exceptRooms, Set<String> exceptSockets, boolean volatileOnly) {
        this.volatileOnly = volatileOnly;
        this.ctx = ctx;
        this.tenant = tenant;
        this.namespace = namespace;
        this.rooms = Set.copyOf(rooms);
        this.exceptRooms = Set.copyOf(exceptRooms);
        this.exceptSockets = Set.copyOf(exceptSockets);
    }

    @Override
    public BroadcastOperator to(String... more) {
        return new StoredBroadcast(ctx, tenant, namespace, plus(rooms, more), exceptRooms, exceptSockets, volatileOnly);
    }

    @Override
    public BroadcastOperator in(String... more) {
        return to(more);
    }

    @Override
    public BroadcastOperator except(String... more) {
        return new StoredBroadcast(ctx, tenant, namespace, rooms, plus(exceptRooms, more), exceptSockets, volatileOnly);
    }

    @Override
    public EmitReport emit(String event, Object... args) {
        if (EventNames.isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        SocketPacket packet = SocketPacket.of(SocketPacketType.EVENT, namespace, JsonValues.eventPayload(event, args));
        Metrics.count(Metric.EVENTS_OUT);  // one per emit; its recipients are FanoutDelivered
        return Reports.of(new Broadcaster(ctx, volatileOnly).deliver(tenant, namespace, rooms, exceptRooms,
                exceptSockets, packet));
    }

    @Override
    public BroadcastOperator asVolatile() {
        return new StoredBroadcast(ctx, tenant, namespace, rooms, exceptRooms, exceptSockets, true);
    }

    @Override
    public Set<String> rooms() {
        return rooms;
    }

    @Override
    public Set<String> exceptRooms() {
        return exceptRooms;
    }

    // Remote sockets and bulk room operations: RemoteOperations over this target.

    @Override
    public List<RemoteSocket> fetchSockets() {
        return remote().fetchSockets();
    }

    @Override
    public void socketsJoin(String... rooms) {
        remote().socketsJoin(rooms);
    }

    @Override
    public void socketsLeave(String... rooms) {
        remote().socketsLeave(rooms);
    }

    @Override
    public void disconnectSockets(boolean closeTransport) {
        remote().disconnectSockets(closeTransport);
    }

    private RemoteOperations remote() {
        return new RemoteOperations(ctx, new RemoteTargets(ctx, tenant, namespace, rooms, exceptRooms, exceptSockets));
    }

    private static Set<String> plus(Set<String> base, String... more) {
        Set<String> result = new LinkedHashSet<>(base);
        for (String room : more) {
            result.add(Rooms.checked(room));
        }
        return result;
    }

    // ---- server-to-client acks (AckBroadcast) ----

    @Override
    public BroadcastOperator timeout(long millis) {
        return new TimedBroadcast(this, millis);
    }

    @Override
    public CompletionStage<Map<String, Args>> emitWithAck(String event, Object... args) {
        return emitWithAck(0, event, args);
    }

    CompletionStage<Map<String, Args>> emitWithAck(long timeoutMs, String event, Object... args) {
        return new AckBroadcast(ctx).emit(tenant, namespace, rooms, exceptRooms, exceptSockets, timeoutMs, event, args);
    }
}
