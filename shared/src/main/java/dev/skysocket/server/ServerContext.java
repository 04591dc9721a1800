package dev.skysocket.server;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ConnectionControl;
import dev.skysocket.fanout.Fanout;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.socketio.SocketIoDecoder;
import dev.skysocket.store.BroadcastLog;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.HeartbeatStore;
import dev.skysocket.store.RecoveryStore;
import dev.skysocket.store.RevocationStore;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketStore;
import java.time.Clock;

/**
 * Everything the Socket.IO layer needs from below, built once per process and shared by every invocation.
 * {@code kept} and {@code log} serve connection state recovery; null where no namespace turns it on.
 * {@code revocations} holds revoked users; null where nothing revokes (revoking there throws).
 */
public record ServerContext(SkysocketConfig config, DeclaredServer io, ConnectionStore connections, SocketStore sockets,
                            HeartbeatStore heartbeats, RoomStore rooms, Fanout fanout, ConnectionControl control,
                            Clock clock, ServerAcks acks, RecoveryStore kept, BroadcastLog log,
                            RevocationStore revocations) {

    /** Without revocations. */
    public ServerContext(SkysocketConfig config, DeclaredServer io, ConnectionStore connections, SocketStore sockets,
                         HeartbeatStore heartbeats, RoomStore rooms, Fanout fanout, ConnectionControl control,
                         Clock clock, ServerAcks acks, RecoveryStore kept, BroadcastLog log) {
        this(config, io, connections, sockets, heartbeats, rooms, fanout, control, clock, acks, kept, log, null);
    }

    /** Without connection state recovery's stores. */
    public ServerContext(SkysocketConfig config, DeclaredServer io, ConnectionStore connections, SocketStore sockets,
                         HeartbeatStore heartbeats, RoomStore rooms, Fanout fanout, ConnectionControl control,
                         Clock clock, ServerAcks acks) {
        this(config, io, connections, sockets, heartbeats, rooms, fanout, control, clock, acks, null, null);
    }

    /**
     * Without recovery's stores, and with server-to-client acks that complete in memory only: one process holding
     * every session.
     */
    public ServerContext(SkysocketConfig config, DeclaredServer io, ConnectionStore connections, SocketStore sockets,
                         HeartbeatStore heartbeats, RoomStore rooms, Fanout fanout, ConnectionControl control,
                         Clock clock) {
        this(config, io, connections, sockets, heartbeats, rooms, fanout, control, clock, ServerAcks.inMemory(clock));
    }

    public EngineIoDecoder engineDecoder() {
        return new EngineIoDecoder(config.codecLimits());
    }

    public SocketIoDecoder socketDecoder() {
        return new SocketIoDecoder(config.codecLimits());
    }

    public long now() {
        return clock.millis();
    }
}
