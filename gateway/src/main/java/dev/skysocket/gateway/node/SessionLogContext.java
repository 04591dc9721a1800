package dev.skysocket.gateway.node;

import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.EngineListener;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.logging.LogContext;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens a {@link LogContext} around each session callback, on the session's serial executor: the sid as the
 * connection id, and a request id of its own per callback ({@code <node>-<n>}: a random prefix per process and
 * a counter), so the lines of one message's handling can be told from the session's others. The Socket.IO layer
 * adds the tenant and socket as it reads them.
 */
final class SessionLogContext implements EngineListener {
    private final EngineListener sessions;
    private final String node = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final AtomicLong requests = new AtomicLong();

    SessionLogContext(EngineListener sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onOpen(EngineSession session) throws HandshakeRefused {
        try (LogContext.Scope scope = open(session)) {
            sessions.onOpen(session);
        }
    }

    @Override
    public void onMessage(EngineSession session, EnginePacket message) {
        try (LogContext.Scope scope = open(session)) {
            sessions.onMessage(session, message);
        }
    }

    @Override
    public void onUpgrade(EngineSession session) {
        try (LogContext.Scope scope = open(session)) {
            sessions.onUpgrade(session);
        }
    }

    @Override
    public void onClose(EngineSession session, EngineCloseReason reason) {
        try (LogContext.Scope scope = open(session)) {
            sessions.onClose(session, reason);
        }
    }

    private LogContext.Scope open(EngineSession session) {
        LogContext.Scope scope = LogContext.open(node + "-" + Long.toString(requests.incrementAndGet(), 36));
        LogContext.connectionId(session.sid());
        return scope;
    }
}
