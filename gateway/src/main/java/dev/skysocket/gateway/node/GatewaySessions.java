package dev.skysocket.gateway.node;

import dev.skysocket.apigw.HandshakeFields;
import dev.skysocket.gateway.engine.EngineListener;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.gateway.engine.HandshakeRequest;
import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.server.DisconnectReason;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.server.ServerContext;
import dev.skysocket.store.ConnectionExistsException;
import dev.skysocket.store.ConnectionRecord;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Engine.IO sessions of this node as Socket.IO connections: a session's open stores a connection item whose
 * endpoint is this node's private Management API, so fan-out from any node or Lambda reaches it; messages go to
 * the same {@link PacketRouter} as on the API Gateway path; a close ends every socket of the connection.
 * {@link #onMessage} is this path's one choke point for bad input, as {@code MessageRoute} is on API Gateway.
 */
public final class GatewaySessions implements EngineListener {
    /**
     * The heartbeat sweep acts on connections whose pingDueAt has passed. The store always writes pingDueAt (and
     * so a byPing index entry), so gateway sessions get a time that never comes: the engine runs their heartbeat.
     */
    static final long NEVER_PING = Long.MAX_VALUE;

    private static final System.Logger LOG = System.getLogger(GatewaySessions.class.getName());

    private final ServerContext ctx;
    private final PacketRouter router;
    private final SessionDirectory directory;
    private final String endpoint;

    /** @param endpoint this node's private Management API base URL, stored on every session's item */
    public GatewaySessions(ServerContext ctx, PacketRouter router, SessionDirectory directory, String endpoint) {
        this.ctx = ctx;
        this.router = router;
        this.directory = directory;
        this.endpoint = endpoint;
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
        // Binary goes as b<base64> text through the Management API; on this path the client need not ask for it.
        ConnectionRecord record = new ConnectionRecord(session.sid(), endpoint, session.transport(), false,
                ctx.config().defaultTenant(), null, handshake.remoteAddress(),
                HandshakeFields.bounded(handshake.headers(), true), HandshakeFields.bounded(handshake.query(), false),
                connectedAt, NEVER_PING, false, true, ctx.config().expiresAtSeconds(connectedAt), null);
        // Registered first: once the item exists, a fan-out may post to this sid at any moment.
        if (!directory.register(session, connectedAt)) {
            throw new HandshakeRefused("sid in use");
        }
        try {
            ctx.connections().create(record);
        } catch (ConnectionExistsException e) {
            directory.unregister(session);
            LOG.log(Level.WARNING, "event=session_refused sid={0} reason=sid_exists", session.sid());
            throw new HandshakeRefused("sid in use");
        } catch (RuntimeException e) {
            directory.unregister(session);
            throw e;
        }
        LOG.log(Level.DEBUG, "event=session_open sid={0} transport={1}", session.sid(), session.transport());
    }

    @Override
    public void onMessage(EngineSession session, EnginePacket message) {
        String sid = session.sid();
        directory.touch(sid, ctx.now());
        // Read per message, as MessageRoute does: a binary packet's pending attachments live in the item.
        Optional<ConnectionRecord> found = ctx.connections().find(sid);
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
            router.onConnectionEnd(sid, DisconnectReason.PARSE_ERROR);
        }
    }

    @Override
    public void onClose(EngineSession session, String reason) {
        directory.unregister(session);
        DisconnectReason mapped = reasonOf(reason);
        LOG.log(Level.DEBUG, "event=session_close sid={0} reason={1}", session.sid(), mapped);
        router.onConnectionEnd(session.sid(), mapped);
    }

    /** Engine.IO's close reasons share Socket.IO's strings; anything else counts as a transport close. */
    static DisconnectReason reasonOf(String reason) {
        for (DisconnectReason candidate : DisconnectReason.values()) {
            if (candidate.wire().equals(reason)) {
                return candidate;
            }
        }
        return DisconnectReason.TRANSPORT_CLOSE;
    }
}
