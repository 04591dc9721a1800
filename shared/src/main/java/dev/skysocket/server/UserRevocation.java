package dev.skysocket.server;

import dev.skysocket.config.RevocationSettings;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.RevocationStore;
import dev.skysocket.store.SocketRecord;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Revoking a user of one tenant, on every path and node: the refusal is stored first, then every connection the
 * user index lists is closed, then the index is read once more.
 *
 * <p>The race with a connection opening meanwhile: a CONNECT is checked against the store (strongly consistent)
 * before its socket is stored. A CONNECT checked after the refusal was written is refused. One checked before
 * belongs to a connection stored before the refusal, so a read of the user index after it lists it, except that
 * the index is eventually consistent: the second look, {@link RevocationSettings#recheckAfterMs} later, finds what
 * the first missed.
 */
public final class UserRevocation {
    private static final System.Logger LOG = System.getLogger(UserRevocation.class.getName());
    /** Closes in flight at once: each is a few Management API calls, so a user's many tabs close together. */
    private static final int MAX_PARALLEL_CLOSES = 16;

    private final ServerContext ctx;
    private final String tenant;

    UserRevocation(ServerContext ctx, String tenant) {
        this.ctx = ctx;
        this.tenant = tenant;
    }

    /** Revokes {@code user}; answers how many connections were closed (a close that failed is logged, not counted). */
    int revoke(String user, Duration refuseFor) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a revocation names a user");
        }
        if (refuseFor == null || refuseFor.isNegative()) {
            throw new IllegalArgumentException("a revocation lasts zero or more: " + refuseFor);
        }
        RevocationStore store = ctx.revocations();
        if (store == null) {
            throw new IllegalStateException("revocation needs the DynamoDB store on this path");
        }
        if (!refuseFor.isZero()) {
            store.revoke(tenant, user, ctx.now() + refuseFor.toMillis());
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger closed = new AtomicInteger();
        closeAll(user, seen, closed);
        long recheck = ctx.config().revocation().recheckAfterMs();
        if (recheck > 0) {
            try {
                Thread.sleep(recheck);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before the revocation's second look", e);
            }
            closeAll(user, seen, closed);
        }
        LOG.log(Level.INFO, "event=user_revoked tenant={0} user={1} connections={2} refused_for_ms={3} reason=revoked",
                tenant, user, closed.get(), Long.toString(refuseFor.toMillis()));
        return closed.get();
    }

    /**
     * Until the revocation ends, a CONNECT of the user's connection is refused with Socket.IO's CONNECT_ERROR. The
     * fallback gateway also asks at its handshake, so a revoked user's session is never stored.
     */
    public static boolean refuses(ServerContext ctx, ConnectionRecord connection) {
        RevocationStore store = ctx.revocations();
        if (store == null || connection.user() == null || store.revokedUntil(connection.tenant(),
                connection.user()).isEmpty()) {
            return false;
        }
        Metrics.count(Metric.REVOKED_REFUSALS);
        LOG.log(Level.INFO, "event=connect_refused connection={0} tenant={1} user={2} reason=revoked",
                connection.connectionId(), connection.tenant(), connection.user());
        return true;
    }

    private void closeAll(String user, Set<String> seen, AtomicInteger closed) {
        List<ConnectionRecord> fresh = new ArrayList<>();
        for (ConnectionRecord connection : ctx.connections().byUser(tenant, user)) {
            if (seen.add(connection.connectionId())) {
                fresh.add(connection);
            }
        }
        ParallelCalls.run(fresh, MAX_PARALLEL_CLOSES, connection -> {
            if (close(connection)) {
                closed.incrementAndGet();
            }
        });
    }

    /**
     * Each socket gets Socket.IO's DISCONNECT first, so the stock client reports "io server disconnect" and does
     * not reconnect on its own; then the transport closes on its own path (API Gateway's DELETE @connections, or
     * the owning gateway node's), which ends every socket there as any close does.
     */
    private boolean close(ConnectionRecord connection) {
        Recipient recipient = new Recipient(connection.connectionId(), connection.endpoint());
        try {
            for (SocketRecord socket : ctx.sockets().sockets(connection.connectionId())) {
                for (String frame : PacketFrames.of(SocketPacket.of(SocketPacketType.DISCONNECT, socket.namespace(),
                        null))) {
                    ctx.control().post(recipient, frame);
                }
            }
        } catch (RuntimeException e) {
            // The close below is what matters; the DISCONNECT is a courtesy to the client.
            LOG.log(Level.WARNING, "event=revoke_notice_failed connection={0} error={1}", connection.connectionId(),
                    e.getClass().getSimpleName());
        }
        try {
            ctx.control().close(recipient);
        } catch (RuntimeException e) {
            // One unreachable endpoint (a gateway node gone with its sessions) must not stop the other closes.
            LOG.log(Level.WARNING, "event=revoke_close_failed connection={0} endpoint={1} error={2}",
                    connection.connectionId(), connection.endpoint(), e.getClass().getSimpleName());
            return false;
        }
        Metrics.count(Metric.REVOKED_CLOSES);
        LOG.log(Level.INFO, "event=connection_closed connection={0} tenant={1} user={2} reason=revoked",
                connection.connectionId(), connection.tenant(), connection.user());
        return true;
    }
}
