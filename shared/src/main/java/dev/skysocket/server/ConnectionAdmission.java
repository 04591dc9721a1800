package dev.skysocket.server;

import dev.skysocket.config.TenantQuotas;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.store.ConnectionCounts;
import dev.skysocket.store.ConnectionRecord;
import java.lang.System.Logger.Level;

/**
 * The tenant connection quota at a connection's handshake, on both paths ({@code $connect} and the fallback
 * gateway's Engine.IO open). Count first, then check: the connection adds itself to its tenant's counter and sums
 * the counters; over the limit it takes itself off again and is refused. Two connections arriving together at the
 * limit may then both be refused, never both admitted past it (except across a counter that is momentarily stale,
 * which DynamoDB's eventually consistent reads allow for about a second).
 *
 * <p>A refused connection is marked with the refusal (stored on API Gateway, held in memory by the fallback
 * gateway's node): its Socket.IO CONNECT is answered with a
 * CONNECT_ERROR whose message is {@link #REASON}, which the stock client shows as {@code connect_error}. A counted
 * one is marked too, so its removal (any close path: disconnect, gone, heartbeat timeout, rotation) takes it off.
 */
public final class ConnectionAdmission {
    /** The CONNECT_ERROR message a client over its tenant's quota gets. */
    public static final String REASON = "tenant connection quota";
    private static final System.Logger LOG = System.getLogger(ConnectionAdmission.class.getName());

    private final TenantQuotas quotas;
    private final ConnectionCounts counts;

    /** @param counts null when {@code quotas} count no connections */
    public ConnectionAdmission(TenantQuotas quotas, ConnectionCounts counts) {
        this.quotas = quotas;
        this.counts = counts;
    }

    /** The record to store: counted, refused for the quota, or as it was when its tenant has no limit. */
    public ConnectionRecord admit(ConnectionRecord connection) {
        int limit = quotas.maxConnections(connection.tenant());
        if (limit <= 0 || counts == null || connection.refusal() != null) {
            return connection;
        }
        counts.add(connection.tenant(), connection.connectionId(), connection.expiresAt(), 1);
        if (counts.count(connection.tenant(), limit + 1L) <= limit) {
            return connection.counted();
        }
        counts.add(connection.tenant(), connection.connectionId(), connection.expiresAt(), -1);
        Metrics.count(Metric.QUOTA_REFUSALS);
        LOG.log(Level.INFO, "event=quota_refused quota=tenant_connections tenant={0} limit={1} connection={2}",
                connection.tenant(), String.valueOf(limit), connection.connectionId());
        return connection.refused(REASON);
    }

    /** Undoes {@link #admit} for a counted connection that was never stored (its create failed). */
    public void undo(ConnectionRecord admitted) {
        if (admitted.quotaCounted() && counts != null) {
            counts.add(admitted.tenant(), admitted.connectionId(), admitted.expiresAt(), -1);
        }
    }
}
