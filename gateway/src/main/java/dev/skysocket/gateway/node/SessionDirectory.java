package dev.skysocket.gateway.node;

import dev.skysocket.gateway.engine.EngineSession;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions that live on this node, by sid. The private Management API and local delivery look sessions up
 * here; the store only knows which node (endpoint) owns a sid. Thread-safe: the engine's workers register and
 * unregister while event-loop threads look up.
 */
public final class SessionDirectory {

    /** One session and what GetConnection reports about it. */
    public static final class LiveSession {
        private final EngineSession session;
        private final long connectedAt;
        private volatile long lastActiveAt;

        LiveSession(EngineSession session, long connectedAt) {
            this.session = session;
            this.connectedAt = connectedAt;
            this.lastActiveAt = connectedAt;
        }

        public EngineSession session() {
            return session;
        }

        public long connectedAt() {
            return connectedAt;
        }

        public long lastActiveAt() {
            return lastActiveAt;
        }
    }

    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

    /** Adds the session; false when another session already holds its sid. */
    public boolean register(EngineSession session, long connectedAt) {
        return sessions.putIfAbsent(session.sid(), new LiveSession(session, connectedAt)) == null;
    }

    /** Removes the session, only if it is the one registered under its sid. */
    public void unregister(EngineSession session) {
        sessions.computeIfPresent(session.sid(), (sid, live) -> live.session() == session ? null : live);
    }

    public Optional<LiveSession> find(String sid) {
        return sid == null ? Optional.empty() : Optional.ofNullable(sessions.get(sid));
    }

    /** Records client activity (a message) for GetConnection's lastActiveAt. */
    public void touch(String sid, long now) {
        LiveSession live = sessions.get(sid);
        if (live != null) {
            live.lastActiveAt = now;
        }
    }

    public int size() {
        return sessions.size();
    }

    /** A snapshot of the live sessions. */
    public Collection<LiveSession> all() {
        return List.copyOf(sessions.values());
    }
}
