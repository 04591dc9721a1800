package dev.skysocket.gateway.engine;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.gateway.concurrent.SerialExecutor;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Engine.IO session: its lifecycle (opening, open, closed), which transport carries it, the dispatch of what
 * arrives on it, and its end. Its parts: the {@link PollingTransport}, the {@link WebSocketTransport}, the
 * {@link PollingUpgrade} between them and the {@link Heartbeat}. Every state change happens under this object's
 * lock, which guards the parts too; listener calls go through {@link SerialExecutor} so they never run under it.
 */
final class ServerSession implements EngineSession {
    private static final System.Logger LOG = System.getLogger(ServerSession.class.getName());
    static final String POLLING = "polling";
    static final String WEBSOCKET = "websocket";
    /** The server's ping (Engine.IO v4 §Heartbeat). */
    private static final String PING = "2";

    private enum State { OPENING, OPEN, CLOSED }

    private final EngineServer server;
    private final String sid;
    private final SessionSecret secret;
    private final HandshakeRequest handshake;
    private final SerialExecutor events;
    private final PollingTransport polling;
    private final WebSocketTransport websocket;
    private final PollingUpgrade upgrade = new PollingUpgrade(this);
    private final Heartbeat heartbeat;

    private State state = State.OPENING;
    /** Set when the session ends: its listener calls from then on are cleanup, the workers' second lane. */
    private volatile boolean ending;
    private String transport;
    /** Inbound messages handed to the listener and not yet handled. */
    private final AtomicInteger pendingMessages = new AtomicInteger();

    ServerSession(EngineServer server, String sid, SessionSecret secret, HandshakeRequest handshake, String transport,
                  String openPacket) {
        this.server = server;
        this.sid = sid;
        this.secret = secret;
        this.handshake = handshake;
        this.transport = transport;
        this.events = new SerialExecutor(task -> {
            if (ending) {
                server.workers().cleanup(task);
            } else {
                server.workers().execute(task);
            }
        });
        this.heartbeat = new Heartbeat(server.scheduler(), server.options().config().pingIntervalMs(),
                server.options().config().pingTimeoutMs(), this::ping,
                () -> closeWith(EngineCloseReason.PING_TIMEOUT));
        String b64 = handshake.query().get("b64");
        this.polling = new PollingTransport(this, openPacket);
        this.websocket = new WebSocketTransport(this, b64 == null || b64.isEmpty());
    }

    @Override
    public String sid() {
        return sid;
    }

    /** The secret the client's cookie carries once it shows it keeps cookies; null for websocket-only sessions. */
    SessionSecret secret() {
        return secret;
    }

    SerialExecutor events() {
        return events;
    }

    EngineServer server() {
        return server;
    }

    PollingTransport polling() {
        return polling;
    }

    WebSocketTransport websocket() {
        return websocket;
    }

    PollingUpgrade upgrade() {
        return upgrade;
    }

    @Override
    public synchronized String transport() {
        return transport;
    }

    @Override
    public HandshakeRequest handshake() {
        return handshake;
    }

    @Override
    public synchronized boolean isOpen() {
        return state != State.CLOSED;
    }

    synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Open and still polling: the only state an upgrade may start from. */
    synchronized boolean isOpenOnPolling() {
        return state == State.OPEN && POLLING.equals(transport);
    }

    @Override
    public synchronized boolean send(String packet) {
        if (state == State.CLOSED || polling.queued() >= server.options().maxBufferedPackets()
                || !websocket.writable()) {
            return false; // the caller backs off and retries (the private Management API answers 429)
        }
        write(packet);
        return true;
    }

    @Override
    public synchronized boolean sendVolatile(String packet) {
        boolean pollingWithoutGet = POLLING.equals(transport) && !polling.waiting();
        if (state != State.OPEN || pollingWithoutGet || !polling.isEmptyQueue()) {
            return false; // Engine.IO's rule: a volatile packet is dropped unless the transport is writable now
        }
        return send(packet);
    }

    @Override
    public void close() {
        closeWith(EngineCloseReason.FORCED_CLOSE, true);
    }

    /** After onOpen accepted: start the heartbeat (Engine.IO v4 §Heartbeat: the server pings). */
    synchronized void opened() {
        if (state == State.OPENING) {
            state = State.OPEN;
            heartbeat.start();
        }
    }

    /** The body of the handshake GET: the open packet and whatever onOpen queued behind it. */
    synchronized String takeHandshakePayload() {
        return polling.drain();
    }

    /** Under the lock: the probe sent {@code 5}; the websocket carries the session from now on. */
    void upgraded(WebSocketChannel channel) {
        transport = WEBSOCKET;
        polling.release();
        websocket.carry(channel);
        LOG.log(Level.DEBUG, "engine.upgraded sid={0}", sid);
        events.execute(() -> server.listener().onUpgrade(this));
    }

    /** One inbound packet on the active transport; false once the session is over. */
    boolean receive(EnginePacket packet) {
        if (packet instanceof EnginePacket.Message || packet instanceof EnginePacket.BinaryMessage) {
            synchronized (this) {
                if (state != State.OPEN) {
                    return false;
                }
            }
            // Each message waits for a store read and handlers; a client sending faster than that would grow
            // this session's queue without bound, so past the limit the session ends instead.
            if (pendingMessages.incrementAndGet() > server.options().maxBufferedPackets()) {
                pendingMessages.decrementAndGet();
                LOG.log(Level.WARNING, "engine.inbound.overflow sid={0} limit={1}", sid,
                        String.valueOf(server.options().maxBufferedPackets()));
                closeWith(EngineCloseReason.TRANSPORT_ERROR);
                return false;
            }
            // The node's workers are backed up (a burst): end the session, logged, rather than queue behind; the
            // client sees a transport close and reconnects, so nothing it sent vanishes without a trace.
            if (server.workers().saturated()) {
                pendingMessages.decrementAndGet();
                LOG.log(Level.WARNING, "engine.overload.close sid={0} queued={1}", sid,
                        String.valueOf(server.workers().queued()));
                closeWith(EngineCloseReason.TRANSPORT_ERROR);
                return false;
            }
            events.execute(() -> {
                try {
                    server.listener().onMessage(this, packet);
                } finally {
                    pendingMessages.decrementAndGet();
                }
            });
        } else if (packet instanceof EnginePacket.Pong) {
            synchronized (this) {
                if (state == State.OPEN) {
                    heartbeat.ponged();
                }
            }
        } else if (packet instanceof EnginePacket.Close) {
            // A held GET ends with a noop, not a close packet: the client asked (the reference's polling onClose).
            end(EngineCloseReason.TRANSPORT_CLOSE, false, PollingTransport.NOOP);
            return false;
        }
        // Noop, and pings or upgrades outside the probe phase, carry nothing for the session.
        return true;
    }

    /** Ends the session once, dropping what is still queued: the transport failed or the client is gone. */
    void closeWith(EngineCloseReason reason) {
        closeWith(reason, false);
    }

    /**
     * Ends the session once: answers a held poll with a close packet, closes sockets, tells the listener. With
     * {@code flush} (the server closes a healthy session) packets still queued for a polling client go out ahead
     * of the close packet, so a last message sent before a kick is not lost.
     */
    void closeWith(EngineCloseReason reason, boolean flush) {
        end(reason, flush, PollingTransport.CLOSE);
    }

    /**
     * Only a close the server chose on a healthy session waits for its close packet to reach a polling client
     * (the next GET gets it, within one ping timeout). After a failure, a ping timeout or the client's own close
     * the sid is forgotten at once and later requests get 400, as the reference server drops the client on close.
     *
     * @param heldPoll what a held GET gets when the close is not flushed: the close packet, or a noop
     */
    private void end(EngineCloseReason reason, boolean flush, String heldPoll) {
        boolean wasOpen;
        boolean linger;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            wasOpen = state == State.OPEN;
            state = State.CLOSED;
            ending = true;
            heartbeat.stop();
            WebSocketChannel probing = upgrade.abort();
            if (probing != null) {
                probing.close();
            }
            if (websocket.attached()) {
                polling.discard();
                websocket.close();
                linger = false;
            } else {
                linger = polling.close(flush, heldPoll);
            }
        }
        server.closed(this, linger);
        LOG.log(Level.INFO, "engine.close sid={0} reason={1}", sid, reason);
        if (wasOpen) {
            events.execute(() -> server.listener().onClose(this, reason));
        }
    }

    private void ping() {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            write(PING);
            heartbeat.pinged();
            Metrics.count(Metric.HEARTBEAT_PINGS);
        }
    }

    /** Under the lock: to the websocket when one carries the session, else queued for the next poll. */
    private void write(String packet) {
        if (websocket.attached()) {
            websocket.write(packet);
        } else {
            polling.write(packet, state == State.OPEN);
        }
    }
}
