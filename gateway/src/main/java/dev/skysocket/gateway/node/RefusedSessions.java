package dev.skysocket.gateway.node;

import dev.skysocket.store.ConnectionRecord;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessions of this node refused at their handshake (identity denied, user revoked, tenant connection quota): their
 * connection lives here only, never in the table, so a refused client costs no write and leaves no item. It is
 * kept for the session's life so that each CONNECT is answered with the refusal; only this node serves the session
 * (a polling request of it that lost its ALB affinity finds no owner elsewhere and is refused there: the client
 * reconnects and is refused again, as a denied {@code $connect} is on API Gateway).
 */
final class RefusedSessions {
    private final ConcurrentMap<String, ConnectionRecord> held = new ConcurrentHashMap<>();

    void hold(ConnectionRecord refused) {
        held.put(refused.connectionId(), refused);
    }

    Optional<ConnectionRecord> find(String sid) {
        return Optional.ofNullable(held.get(sid));
    }

    /** True when the session was a refused one (so nothing of it is stored). */
    boolean release(String sid) {
        return held.remove(sid) != null;
    }
}
