package dev.skysocket.gateway.node;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.gateway.engine.EngineSession;
import java.lang.System.Logger.Level;

/**
 * Closes sessions before their items expire. A session's items carry the same TTL as an API Gateway
 * connection's (config.expiresAtSeconds), and reads treat an expired item as absent, so a session kept past it
 * would silently stop getting room broadcasts. Closing the transport (never a Socket.IO DISCONNECT, DESIGN §3)
 * makes the client reconnect with a fresh item. Each session's turn comes within the last tenth of its maximum
 * age, spread by sid, so sessions opened together do not all reconnect together.
 */
final class SessionRotation {
    private static final System.Logger LOG = System.getLogger(SessionRotation.class.getName());

    private final SessionDirectory sessions;
    private final long maxAgeMs;

    SessionRotation(SessionDirectory sessions, long maxAgeMs) {
        this.sessions = sessions;
        this.maxAgeMs = maxAgeMs;
    }

    /** Closes every session whose turn has come; returns how many. */
    int run(long now) {
        int closed = 0;
        for (SessionDirectory.LiveSession live : sessions.all()) {
            EngineSession session = live.session();
            if (session.isOpen() && now >= rotateAt(session.sid(), live.connectedAt())) {
                session.close();
                closed++;
            }
        }
        Metrics.count(Metric.HEARTBEAT_ROTATIONS, closed);
        if (closed > 0) {
            LOG.log(Level.INFO, "event=sessions_rotated count={0}", closed);
        }
        return closed;
    }

    long rotateAt(String sid, long connectedAt) {
        long spread = Math.max(1, maxAgeMs / 10);
        return connectedAt + maxAgeMs - Math.floorMod(sid.hashCode(), spread);
    }
}
