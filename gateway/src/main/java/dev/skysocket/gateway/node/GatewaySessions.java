package dev.skysocket.gateway.node;

import dev.skysocket.api.auth.Authorization;
import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.runtime.HandshakeFields;
import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.EngineListener;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.gateway.engine.HandshakeRequest;
import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.server.ConnectionAdmission;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.server.ServerContext;
import dev.skysocket.server.UserRevocation;
import dev.skysocket.store.ConnectionExistsException;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ReadScope;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Engine.IO sessions of this node as Socket.IO connections: a session's open stores a connection item whose
 * endpoint is this node's private Management API, so fan-out from any node or Lambda reaches it (a session refused
 * at its handshake is held in memory only, {@link RefusedSessions}); messages go to
 * the same {@link PacketRouter} as on the API Gateway path; a close ends every socket of the connection.
 * {@link #onMessage} is this path's one choke point for bad input, as {@code MessageRoute} is on API Gateway.
 * No store or SDK error leaves a callback: the DynamoDB client has already retried what a retry can help (its own
 * bound, the only one), so the one session is closed, with one structured log line.
 */
public final class GatewaySessions implements EngineListener {
    /**
     * The heartbeat sweep acts on connections whose pingDueAt has passed. The store always writes pingDueAt (and
     * so a byPing index entry), so gateway sessions get a time that never comes: the engine runs their heartbeat.
     */
    static final long NEVER_PING = Long.MAX_VALUE;

    private static final System.Logger LOG = System.getLogger(GatewaySessions.class.getName());
    /** A Socket.IO CONNECT packet's type on the wire (Socket.IO v5 §Packet format). */
    private static final String SOCKET_CONNECT = "0";

    private final ServerContext ctx;
    private final ReadScope reads;
    private final PacketRouter router;
    private final SessionDirectory directory;
    private final String endpoint;
    private final ConnectDeadlines deadlines;
    private final HandshakeIdentity identities;
    private final ConnectionAdmission admission;
    private final RefusedSessions refused = new RefusedSessions();

    /**
     * @param reads      the read scope of the context's store: a session's read is held between its events
     * @param endpoint   this node's private Management API base URL, stored on every session's item
     * @param authorizer the deployment's {@code $connect} authorizer, run at each handshake as on API Gateway
     * @param admission  the tenant connection quota, checked before the session's item is stored
     */
    public GatewaySessions(ServerContext ctx, ReadScope reads, PacketRouter router, SessionDirectory directory,
                           String endpoint, ConnectAuthorizer authorizer, ConnectionAdmission admission) {
        this.identities = new HandshakeIdentity(authorizer);
        this.admission = admission;
        this.ctx = ctx;
        this.reads = reads;
        this.router = router;
        this.directory = directory;
        this.endpoint = endpoint;
        this.deadlines = new ConnectDeadlines(ctx.config().connectTimeoutMs());
    }

    /** Stops the connect-timeout clock; the sessions themselves are the engine's to close. */
    void close() {
        deadlines.close();
    }

    @Override
    public void onOpen(EngineSession session) throws HandshakeRefused {
        HandshakeRequest handshake = session.handshake();
        String origin = handshake.headers().get("origin");
        if (!ctx.config().allowsOrigin(origin)) {
            LOG.log(Level.INFO, "event=session_refused sid={0} reason=origin_not_allowed", session.sid());
            throw new HandshakeRefused("origin not allowed");
        }
        long now = ctx.now();
        long connectedAt = handshake.time() > 0 ? handshake.time() : now;
        Authorization decision = identities.authorize(handshake);
        Authorization.Allowed allowed = decision instanceof Authorization.Allowed yes ? yes
                : new Authorization.Allowed(ctx.config().defaultTenant(), null);
        LogContext.tenant(allowed.tenant());
        // Binary goes as b<base64> text through the Management API; on this path the client need not ask for it.
        ConnectionRecord record = new ConnectionRecord(session.sid(), endpoint, session.transport(), false,
                allowed.tenant(), allowed.user(), handshake.remoteAddress(),
                HandshakeFields.bounded(handshake.headers(), true), identities.keptQuery(handshake),
                connectedAt, NEVER_PING, false, true, ctx.config().expiresAtSeconds(connectedAt), null)
                .withClaims(allowed.claims());
        if (decision instanceof Authorization.Denied denied) {
            // The session opens so the client's CONNECT can be answered with the reason (connect_error); it joins
            // nothing and the connect timeout closes it if the client stays.
            LOG.log(Level.INFO, "event=session_refused sid={0} reason=identity_denied detail={1}", session.sid(),
                    denied.reason());
            record = record.refused(denied.reason());
        } else if (UserRevocation.refuses(ctx, record)) {
            record = record.refused("revoked"); // as its CONNECT would be, but nothing gets stored first
        }
        // Over its tenant's quota the session is refused the same way, with the quota as the reason.
        record = admission.admit(record);
        // Registered first: once the item exists, a fan-out may post to this sid at any moment.
        if (!directory.register(session, connectedAt)) {
            admission.undo(record);
            throw new HandshakeRefused("sid in use");
        }
        if (record.refusal() != null) {
            // Not stored: the refusal is answered from this node's memory (RefusedSessions).
            refused.hold(record);
            deadlines.opened(session);
            Metrics.count(Metric.CONNECTIONS_OPENED);
            return;
        }
        try {
            ctx.connections().create(record);
        } catch (ConnectionExistsException e) {
            directory.unregister(session);
            admission.undo(record);
            LOG.log(Level.WARNING, "event=session_refused sid={0} reason=sid_exists", session.sid());
            throw new HandshakeRefused("sid in use");
        } catch (RuntimeException e) {
            directory.unregister(session);
            admission.undo(record);
            throw e;
        }
        deadlines.opened(session);
        Metrics.count(Metric.CONNECTIONS_OPENED);
        LOG.log(Level.DEBUG, "event=session_open sid={0} transport={1}", session.sid(), session.transport());
    }

    @Override
    public void onMessage(EngineSession session, EnginePacket message) {
        String sid = session.sid();
        directory.touch(sid, ctx.now());
        if (message instanceof EnginePacket.Message text && text.text().startsWith(SOCKET_CONNECT)) {
            deadlines.connecting(sid);
        }
        // The connection, then the socket its packet names: one read of the partition for both, as on MessageRoute,
        // and kept for the next event: only this node handles this session, one event at a time, so unless
        // something here wrote to its items in between, the next event needs no read at all.
        reads.withHeldRead(sid, () -> {
            route(session, sid, message);
            return null;
        });
    }

    private void route(EngineSession session, String sid, EnginePacket message) {
        // Read per message, as MessageRoute does: a binary packet's pending attachments live in the item.
        Optional<ConnectionRecord> found = refused.find(sid);
        try {
            found = found.isPresent() ? found : ctx.connections().find(sid);
        } catch (RuntimeException e) {
            storeFailed(session, "read_connection", e);
            return;
        }
        if (found.isEmpty()) {
            // Expired (past its TTL) or removed: answers could never reach the client, so let it reconnect.
            LOG.log(Level.INFO, "event=unknown_connection sid={0}", sid);
            session.close();
            return;
        }
        try {
            router.onMessage(found.get(), message);
        } catch (ProtocolException e) {
            LOG.log(Level.WARNING, "event=protocol_error sid={0} error={1}", sid, e.error());
            session.close();
            endConnection(sid, DisconnectReason.PARSE_ERROR);
        } catch (RuntimeException e) {
            // Not retried: handlers may already have emitted or joined rooms, and running them twice would show.
            storeFailed(session, "route_message", e);
        }
    }

    /**
     * After an upgrade the item says "websocket", so lost-affinity lookups stop treating the sid as a polling
     * session. A failure only leaves that hint stale (a forwarded poll is answered 400 by this node anyway), so
     * the session carries on.
     */
    @Override
    public void onUpgrade(EngineSession session) {
        String transport = session.transport();
        if (refused.find(session.sid()).isPresent()) {
            return; // no item to update
        }
        try {
            ctx.connections().updateTransport(session.sid(), transport);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=session_transport_update_failed sid={0} transport={1} error={2}",
                    session.sid(), transport, e.getClass().getSimpleName());
        }
    }

    @Override
    public void onClose(EngineSession session, EngineCloseReason reason) {
        deadlines.closed(session.sid());
        directory.unregister(session);
        DisconnectReason mapped = SocketDisconnectReasons.of(reason);
        Metrics.count(Metric.CONNECTIONS_CLOSED);
        if (reason == EngineCloseReason.PING_TIMEOUT) {
            Metrics.count(Metric.HEARTBEAT_TIMEOUTS);
        }
        LOG.log(Level.DEBUG, "event=session_close sid={0} reason={1}", session.sid(), mapped);
        endConnection(session.sid(), mapped);
        refused.release(session.sid());
    }

    /** Disconnect handlers and item removal; the items carry a TTL, so whatever a failure leaves expires. */
    private void endConnection(String sid, DisconnectReason reason) {
        if (refused.find(sid).isPresent()) {
            reads.releaseHeldRead(sid); // nothing stored, no socket: no handler and no removal to run
            return;
        }
        try {
            router.onConnectionEnd(sid, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=session_cleanup_failed sid={0} reason={1} error={2}", sid, reason,
                    e.getClass().getSimpleName());
        } finally {
            reads.releaseHeldRead(sid);
        }
    }

    /**
     * The store failed this session past the client's retries (or in a way no retry helps): only this session ends,
     * as an Engine.IO close, so the client sees its transport close and reconnects; the close runs its
     * disconnect handlers through {@link #onClose}. A Socket.IO disconnect would tell the client not to return.
     */
    private void storeFailed(EngineSession session, String step, RuntimeException e) {
        LOG.log(Level.WARNING, "event=session_store_failed sid={0} step={1} error={2} transient={3}", session.sid(),
                step, e.getClass().getSimpleName(), String.valueOf(StoreFaults.isTransient(e)));
        session.close();
    }
}
