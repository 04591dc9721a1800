package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Engine.IO session: its lifecycle (opening, open, closed), which transport carries it, and the dispatch of
 * what arrives on either. The polling buffer ({@link PollingBuffer}), heartbeat ({@link Heartbeat}) and
 * upgrade ({@link UpgradeProbe}) are its parts. Every state change happens under this object's lock, which
 * guards the parts too; listener calls go through {@link SerialExecutor} so they never run under it.
 */
final class ServerSession implements EngineSession {
    private static final System.Logger LOG = System.getLogger(ServerSession.class.getName());
    static final String POLLING = "polling";
    static final String WEBSOCKET = "websocket";
    /** Wire forms the server writes itself (Engine.IO v4 §Packet encoding). */
    private static final String PING = "2";
    private static final String NOOP = "6";
    private static final String CLOSE = "1";

    private enum State { OPENING, OPEN, CLOSED }

    private final EngineServer server;
    private final String sid;
    private final SessionSecret secret;
    private final HandshakeRequest handshake;
    private final SerialExecutor events;
    private final PollingBuffer buffer = new PollingBuffer();
    private final UpgradeProbe upgrade = new UpgradeProbe();
    private final Heartbeat heartbeat;
    /** The client takes binary websocket frames: it did not ask for base64 ({@code b64}). */
    private final boolean binaryFrames;

    private State state = State.OPENING;
    private String transport;
    private WebSocketChannel socket;
    /**
     * What the next poll gets once the session is closed and before it is forgotten (the close packet, after
     * anything flushed with it); null when nothing is left to deliver.
     */
    private String farewell;
    /** Inbound messages handed to the listener and not yet handled. */
    private final AtomicInteger pendingMessages = new AtomicInteger();

    ServerSession(EngineServer server, String sid, SessionSecret secret, HandshakeRequest handshake, String transport,
                  String openPacket) {
        this.server = server;
        this.sid = sid;
        this.secret = secret;
        this.handshake = handshake;
        this.transport = transport;
        this.events = new SerialExecutor(server.workers());
        this.heartbeat = new Heartbeat(server.scheduler(), server.options().config().pingIntervalMs(),
                server.options().config().pingTimeoutMs(), this::ping, () -> closeWith("ping timeout"));
        String b64 = handshake.query().get("b64");
        this.binaryFrames = b64 == null || b64.isEmpty();
        buffer.add(openPacket); // the open packet always goes first (Engine.IO v4 §Handshake)
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

    @Override
    public synchronized boolean send(String packet) {
        if (state == State.CLOSED || buffer.size() >= server.options().maxBufferedPackets()
                || (socket != null && !socket.writable())) {
            return false; // the caller backs off and retries (the private Management API answers 429)
        }
        write(packet);
        return true;
    }

    @Override
    public void close() {
        closeWith("forced close", true);
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
        return buffer.drain();
    }

    // ---- polling ---------------------------------------------------------------------------------------------

    /** A GET: answered now when something is queued, else held until something is (long-poll wake-up). */
    synchronized EngineError poll(PollResponder responder) {
        if (state == State.CLOSED) {
            if (farewell != null) {
                String last = farewell;
                farewell = null;
                server.forget(this);
                responder.respond(last);
                return null;
            }
            return EngineError.SESSION_ID_UNKNOWN;
        }
        if (buffer.holding()) {
            // Two GETs at once: the spec's test suite wants the session closed and a close packet sent.
            LOG.log(Level.INFO, "engine.poll.overlap sid={0}", sid);
            closeWith("transport error");
            return EngineError.BAD_REQUEST;
        }
        if (!buffer.isEmpty()) {
            responder.respond(buffer.drain());
        } else if (upgrade.probed()) {
            responder.respond(NOOP); // mid-upgrade: let the client pause polling
        } else {
            buffer.hold(responder);
        }
        return null;
    }

    /** The client went away before its GET was answered: the reference server calls that a transport error. */
    void pollAbandoned(PollResponder responder) {
        synchronized (this) {
            if (!buffer.release(responder)) {
                return;
            }
        }
        closeWith("transport error");
    }

    /** A POST body. Returns null when accepted ("ok"), or the error to answer with. */
    EngineError post(String body) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return EngineError.SESSION_ID_UNKNOWN;
            }
            if (!buffer.startPost()) {
                LOG.log(Level.INFO, "engine.post.overlap sid={0}", sid);
                closeWith("transport error");
                return EngineError.BAD_REQUEST;
            }
        }
        try {
            List<EnginePacket> packets;
            try {
                packets = server.decoder().decodePayload(body);
            } catch (ProtocolException e) {
                LOG.log(Level.INFO, "engine.post.malformed sid={0} error={1}", sid, e.error());
                closeWith("parse error");
                return EngineError.BAD_REQUEST;
            }
            for (EnginePacket packet : packets) {
                if (!receive(packet)) {
                    break;
                }
            }
            return null;
        } finally {
            synchronized (this) {
                buffer.endPost();
            }
        }
    }

    // ---- websocket -------------------------------------------------------------------------------------------

    /** A websocket opened as the session's first transport: flush the open packet and what follows it. */
    synchronized void attach(WebSocketChannel channel) {
        if (state == State.CLOSED) {
            channel.close();
            return;
        }
        socket = channel;
        buffer.flushTo(this::toSocket);
    }

    /** A websocket for a polling session: probe phase starts (Engine.IO v4 §Upgrade). False when not allowed. */
    synchronized boolean beginUpgrade(WebSocketChannel channel) {
        if (state != State.OPEN || !POLLING.equals(transport) || upgrade.active()) {
            return false;
        }
        upgrade.begin(channel, server.scheduler().schedule(() -> upgradeTimedOut(channel),
                server.options().upgradeTimeoutMs(), TimeUnit.MILLISECONDS));
        return true;
    }

    void onSocketClosed(WebSocketChannel channel) {
        synchronized (this) {
            if (upgrade.isProbing(channel)) {
                upgrade.abort(); // the session carries on polling
                return;
            }
            if (channel != socket) {
                return;
            }
        }
        closeWith("transport close");
    }

    /** A frame that did not decode: drops a probing websocket, ends the session on the active one. */
    void onSocketMalformed(WebSocketChannel channel, ProtocolException e) {
        LOG.log(Level.INFO, "engine.ws.malformed sid={0} error={1}", sid, e.error());
        synchronized (this) {
            if (upgrade.isProbing(channel)) {
                upgrade.abort();
                channel.close();
                return;
            }
            if (channel != socket) {
                channel.close();
                return;
            }
        }
        closeWith("parse error");
    }

    /** One decoded packet from {@code channel}: the probe, the active websocket, or a stale one (ignored). */
    void onSocketPacket(WebSocketChannel channel, EnginePacket packet) {
        synchronized (this) {
            if (upgrade.isProbing(channel)) {
                upgradeStep(channel, packet);
                return;
            }
            if (channel != socket) {
                return;
            }
        }
        receive(packet);
    }

    /** Under the lock: one packet on the probing websocket. */
    private void upgradeStep(WebSocketChannel channel, EnginePacket packet) {
        switch (upgrade.step(packet)) {
            case PROBED -> {
                channel.sendText("3probe");
                buffer.answer(NOOP);
            }
            case UPGRADED -> {
                transport = WEBSOCKET;
                socket = channel;
                buffer.answer(NOOP);
                buffer.flushTo(this::toSocket);
                LOG.log(Level.DEBUG, "engine.upgraded sid={0}", sid);
                events.execute(() -> server.listener().onUpgrade(this));
            }
            case INVALID -> {
                LOG.log(Level.INFO, "engine.upgrade.invalid sid={0} type={1}", sid, packet.type());
                upgrade.abort();
                channel.close();
            }
        }
    }

    private void upgradeTimedOut(WebSocketChannel channel) {
        synchronized (this) {
            if (!upgrade.isProbing(channel)) {
                return;
            }
            upgrade.abort();
        }
        LOG.log(Level.INFO, "engine.upgrade.timeout sid={0}", sid);
        channel.close();
    }

    // ---- both transports -------------------------------------------------------------------------------------

    /** One inbound packet on the active transport; false once the session is over. */
    private boolean receive(EnginePacket packet) {
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
                closeWith("transport error");
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
            end("transport close", false, NOOP);
            return false;
        }
        // Noop, and pings or upgrades outside the probe phase, carry nothing for the session.
        return true;
    }

    /** Ends the session once, dropping what is still queued: the transport failed or the client is gone. */
    void closeWith(String reason) {
        closeWith(reason, false);
    }

    /**
     * Ends the session once: answers a held poll with a close packet, closes sockets, tells the listener. With
     * {@code flush} (the server closes a healthy session) packets still queued for a polling client go out ahead
     * of the close packet, as the reference server drains its buffer before closing, so a last message sent
     * before a kick is not lost.
     */
    void closeWith(String reason, boolean flush) {
        end(reason, flush, CLOSE);
    }

    /**
     * Only a close the server chose on a healthy session waits for its close packet to reach a polling client
     * (the next GET gets it, within one ping timeout). After a failure, a ping timeout or the client's own close
     * the sid is forgotten at once and later requests get 400, as the reference server drops the client on close.
     *
     * @param heldPoll what a held GET gets when the close is not flushed: the close packet, or a noop
     */
    private void end(String reason, boolean flush, String heldPoll) {
        boolean wasOpen;
        boolean linger;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            wasOpen = state == State.OPEN;
            state = State.CLOSED;
            heartbeat.stop();
            String last = flush && socket == null ? PollingBuffer.join(buffer.drain(), CLOSE) : heldPoll;
            buffer.clear();
            WebSocketChannel probing = upgrade.abort();
            if (probing != null) {
                probing.close();
            }
            boolean delivered;
            if (socket != null) {
                socket.close();
                delivered = true;
            } else {
                delivered = buffer.answer(last);
            }
            linger = flush && !delivered;
            farewell = linger ? last : null;
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
        }
    }

    /** Under the lock: to the websocket when there is one, else into the buffer for the next poll. */
    private void write(String packet) {
        if (socket != null) {
            toSocket(packet);
            return;
        }
        buffer.add(packet);
        if (buffer.holding() && state == State.OPEN) {
            buffer.answer(buffer.drain());
        }
    }

    /**
     * Under the lock: one packet as one websocket frame. Binary ({@code b<base64>}, the form every packet has
     * across the Management API) goes as a binary frame unless the client asked for base64 ({@code b64} in its
     * handshake query, Engine.IO v4 §Packet encoding); polling payloads stay text whatever the client.
     */
    private void toSocket(String packet) {
        if (packet.startsWith("b") && binaryFrames) {
            try {
                if (server.decoder().decode(packet) instanceof EnginePacket.BinaryMessage binary) {
                    socket.sendBinary(binary.data());
                    return;
                }
            } catch (ProtocolException e) {
                LOG.log(Level.WARNING, "engine.ws.badBinary sid={0} error={1}", sid, e.error());
            }
        }
        socket.sendText(packet);
    }
}
