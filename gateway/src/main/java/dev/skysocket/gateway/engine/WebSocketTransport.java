package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.lang.System.Logger.Level;

/**
 * The websocket transport of one session (Engine.IO v4 §WebSocket): the socket that carries it, once attached
 * or upgraded to, and what every websocket of the session reports. A frame on the socket being probed goes to
 * the {@link PollingUpgrade}; one on a socket the session no longer uses is ignored. Its state is guarded by the
 * session's lock, which the report methods take themselves.
 */
final class WebSocketTransport {
    private static final System.Logger LOG = System.getLogger(WebSocketTransport.class.getName());

    private final ServerSession session;
    /** The client takes binary websocket frames: it did not ask for base64 ({@code b64}). */
    private final boolean binaryFrames;
    private WebSocketChannel socket;

    WebSocketTransport(ServerSession session, boolean binaryFrames) {
        this.session = session;
        this.binaryFrames = binaryFrames;
    }

    /** A websocket opened as the session's first transport: flush the open packet and what follows it. */
    void attach(WebSocketChannel channel) {
        synchronized (session) {
            if (session.isClosed()) {
                channel.close();
                return;
            }
            carry(channel);
        }
    }

    /** Under the lock: {@code channel} carries the session from now on; what polling queued goes out on it. */
    void carry(WebSocketChannel channel) {
        socket = channel;
        session.polling().flushTo(this::write);
    }

    /** Under the lock: true once a websocket carries the session. */
    boolean attached() {
        return socket != null;
    }

    /** Under the lock: false while the socket's outbound queue is over its limit (a client that does not read). */
    boolean writable() {
        return socket == null || socket.writable();
    }

    /** Under the lock: the session ended; a close frame goes out. */
    void close() {
        socket.close();
    }

    // ---- what a websocket of the session reports ---------------------------------------------------------------

    void closed(WebSocketChannel channel) {
        synchronized (session) {
            if (session.upgrade().isProbing(channel)) {
                session.upgrade().abort(); // the session carries on polling
                return;
            }
            if (channel != socket) {
                return;
            }
        }
        session.closeWith(EngineCloseReason.TRANSPORT_CLOSE);
    }

    /** A frame that did not decode: drops a probing websocket, ends the session on the active one. */
    void malformed(WebSocketChannel channel, ProtocolException e) {
        LOG.log(Level.INFO, "engine.ws.malformed sid={0} error={1}", session.sid(), e.error());
        synchronized (session) {
            if (session.upgrade().isProbing(channel)) {
                session.upgrade().abort();
                channel.close();
                return;
            }
            if (channel != socket) {
                channel.close();
                return;
            }
        }
        session.closeWith(EngineCloseReason.PARSE_ERROR);
    }

    /** One decoded packet from {@code channel}: the probe, the active websocket, or a stale one (ignored). */
    void packet(WebSocketChannel channel, EnginePacket packet) {
        synchronized (session) {
            if (session.upgrade().isProbing(channel)) {
                session.upgrade().step(channel, packet);
                return;
            }
            if (channel != socket) {
                return;
            }
        }
        session.receive(packet);
    }

    /**
     * Under the lock: one packet as one websocket frame. Binary ({@code b<base64>}, the form every packet has
     * across the Management API) goes as a binary frame unless the client asked for base64 ({@code b64} in its
     * handshake query, Engine.IO v4 §Packet encoding); polling payloads stay text whatever the client.
     */
    void write(String packet) {
        if (packet.startsWith("b") && binaryFrames) {
            try {
                if (session.server().decoder().decode(packet) instanceof EnginePacket.BinaryMessage binary) {
                    socket.sendBinary(binary.data());
                    return;
                }
            } catch (ProtocolException e) {
                LOG.log(Level.WARNING, "engine.ws.badBinary sid={0} error={1}", session.sid(), e.error());
            }
        }
        socket.sendText(packet);
    }
}
