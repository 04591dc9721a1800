package dev.skysocket.server;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ConnectionControl;
import dev.skysocket.fanout.Fanout;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.socketio.SocketIoDecoder;
import dev.skysocket.store.BroadcastLog;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.RecoveryStore;
import dev.skysocket.store.RoomStore;
import java.time.Clock;

/**
 * Everything the Socket.IO layer needs from below, built once per process and shared by every invocation.
 * {@code kept} and {@code log} serve connection state recovery; null where no namespace turns it on.
 */
public record ServerContext(SkysocketConfig config, DeclaredServer io, ConnectionStore connections, RoomStore rooms,
                            Fanout fanout, ConnectionControl control, Clock clock, RecoveryStore kept,
                            BroadcastLog log) {

    /** Without connection state recovery's stores. */
    public ServerContext(SkysocketConfig config, DeclaredServer io, ConnectionStore connections, RoomStore rooms,
                         Fanout fanout, ConnectionControl control, Clock clock) {
        this(config, io, connections, rooms, fanout, control, clock, null, null);
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
