package dev.skysocket.server;

import dev.skysocket.api.Args;
import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.api.EmitReport;
import dev.skysocket.api.RemoteSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A {@link StoredBroadcast} with an ack timeout ({@code to("room").timeout(2000)}); everything else is the
 * wrapped operator's, and narrowing it keeps the timeout.
 */
final class TimedBroadcast implements BroadcastOperator {
    private final StoredBroadcast target;
    private final long timeoutMs;

    TimedBroadcast(StoredBroadcast target, long timeoutMs) {
        this.target = target;
        this.timeoutMs = SocketAckEmitter.checkedTimeout(timeoutMs);
    }

    @Override
    public BroadcastOperator to(String... rooms) {
        return new TimedBroadcast((StoredBroadcast) target.to(rooms), timeoutMs);
    }

    @Override
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    @Override
    public BroadcastOperator except(String... rooms) {
        return new TimedBroadcast((StoredBroadcast) target.except(rooms), timeoutMs);
    }

    @Override
    public EmitReport emit(String event, Object... args) {
        return target.emit(event, args);
    }

    @Override
    public BroadcastOperator asVolatile() {
        return new TimedBroadcast((StoredBroadcast) target.asVolatile(), timeoutMs);
    }

    @Override
    public Set<String> rooms() {
        return target.rooms();
    }

    @Override
    public Set<String> exceptRooms() {
        return target.exceptRooms();
    }

    @Override
    public BroadcastOperator timeout(long millis) {
        return new TimedBroadcast(target, millis);
    }

    @Override
    public CompletionStage<Map<String, Args>> emitWithAck(String event, Object... args) {
        return target.emitWithAck(timeoutMs, event, args);
    }

    // Remote sockets and bulk room operations: the wrapped operator's; they answer from the store, with no
    // client round trip to time out.

    @Override
    public List<RemoteSocket> fetchSockets() {
        return target.fetchSockets();
    }

    @Override
    public void socketsJoin(String... rooms) {
        target.socketsJoin(rooms);
    }

    @Override
    public void socketsLeave(String... rooms) {
        target.socketsLeave(rooms);
    }

    @Override
    public void disconnectSockets(boolean closeTransport) {
        target.disconnectSockets(closeTransport);
    }
}
