package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Engine.IO session: outbound buffer, held poll, heartbeat, upgrade and close. Every state change happens
 * under this object's lock; listener calls go through {@link SerialExecutor} so they never run under it.
 */
final class ServerSession implements EngineSession {
    private static final System.Logger LOG = System.getLogger(ServerSession.class.getName());
    static final String POLLING = "polling";
    static final String WEBSOCKET = "websocket";
    /** Wire forms the server writes itself (Engine.IO v4 §Packet encoding). */
    private static final String PING = "2";
    private static final String NOOP = "6";
    private static final String CLOSE = "1";
    private static final char SEPARATOR = '\u001e';

    private enum State { OPENING, OPEN, CLOSED }

    private final EngineServer server;
    private final String sid;
    private final String secret;
    private final HandshakeRequest handshake;
    private final SerialExecutor events;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();

    private State state = State.OPENING;
    private String transport;
    private PollResponder heldPoll;
    private boolean posting;
    private WebSocketChannel socket;
    private WebSocketChannel probing;
    private boolean probed;
    private boolean closeDelivered;
    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> pongDeadline;
    private ScheduledFuture<?> upgradeDeadline;

    ServerSession(EngineServer server, String sid, String secret, HandshakeRequest handshake, String transport,
                  String openPacket) {
        this.server = server;
        this.sid = sid;
        this.secret = secret;
        this.handshake = handshake;
        this.transport = transport;
        this.events = new SerialExecutor(server.workers());
        outbox.add(openPacket); // the open packet always goes first (Engine.IO v4 §Handshake)
    }

    @Override
    public String sid() {
        return sid;
    }

    /** The secret the client must present on every polling request; null for websocket-only sessions. */
    String secret() {
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

    synchronized boolean isUpgrading() {
        return probing != null;
    }

    @Override
    public synchronized boolean send(String packet) {
        if (state == State.CLOSED || outbox.size() >= server.options().maxBufferedPackets()) {
            return false;
        }
        write(packet);
        return true;
    }

    @Override
    public void close() {
        closeWith("forced close");
    }

    /** After onOpen accepted: start the heartbeat (Engine.IO v4 §Heartbeat: the server pings). */
    synchronized void opened() {
        if (state == State.OPENING) {
            state = State.OPEN;
            schedulePing();
        }
    }

    /** The body of the handshake GET: the open packet and whatever onOpen queued behind it. */
    synchronized String takeHandshakePayload() {
        return drain();
    }

    // ---- polling ---------------------------------------------------------------------------------------------

    /** A GET: answered now when something is queued, else held until something is (long-poll wake-up). */
    synchronized EngineError poll(PollResponder responder) {
        if (state == State.CLOSED) {
            if (!closeDelivered) {
                closeDelivered = true;
                server.forget(this);
                responder.respond(CLOSE);
                return null;
            }
            return EngineError.SESSION_ID_UNKNOWN;
        }
        if (heldPoll != null) {
            // Two GETs at once: the spec's test suite wants the session closed and a close packet sent.
            LOG.log(Level.INFO, "engine.poll.overlap sid={0}", sid);
            closeWith("transport error");
            return EngineError.BAD_REQUEST;
        }
        if (!outbox.isEmpty()) {
            responder.respond(drain());
        } else if (probed) {
            responder.respond(NOOP); // mid-upgrade: let the client pause polling
        } else {
            heldPoll = responder;
        }
        return null;
    }

    /** The client went away before its GET was answered: the reference server calls that a transport error. */
    void pollAbandoned(PollResponder responder) {
        synchronized (this) {
            if (heldPoll != responder) {
                return;
            }
            heldPoll = null;
        }
        closeWith("transport error");
    }

    /** A POST body. Returns null when accepted ("ok"), or the error to answer with. */
    EngineError post(String body) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return EngineError.SESSION_ID_UNKNOWN;
            }
            if (posting) {
                LOG.log(Level.INFO, "engine.post.overlap sid={0}", sid);
                closeWith("transport error");
                return EngineError.BAD_REQUEST;
            }
            posting = true;
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
                posting = false;
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
        while (!outbox.isEmpty()) {
            channel.sendText(outbox.poll());
        }
    }

    /** A websocket for a polling session: probe phase starts (Engine.IO v4 §Upgrade). False when not allowed. */
    synchronized boolean beginUpgrade(WebSocketChannel channel) {
        if (state != State.OPEN || !POLLING.equals(transport) || probing != null) {
            return false;
        }
        probing = channel;
        upgradeDeadline = server.scheduler().schedule(() -> upgradeTimedOut(channel),
                server.options().upgradeTimeoutMs(), TimeUnit.MILLISECONDS);
        return true;
    }

    void onSocketText(WebSocketChannel channel, String text) {
        EnginePacket packet;
        try {
            packet = server.decoder().decode(text);
        } catch (ProtocolException e) {
            onSocketError(channel, e);
            return;
        }
        onSocketPacket(channel, packet);
    }

    void onSocketBinary(WebSocketChannel channel, byte[] data) {
        EnginePacket packet;
        try {
            packet = server.decoder().decode(data);
        } catch (ProtocolException e) {
            onSocketError(channel, e);
            return;
        }
        onSocketPacket(channel, packet);
    }

    void onSocketClosed(WebSocketChannel channel) {
        synchronized (this) {
            if (channel == probing) {
                abortUpgrade(); // the session carries on polling
                return;
            }
            if (channel != socket) {
                return;
            }
        }
        closeWith("transport close");
    }

    private void onSocketError(WebSocketChannel channel, ProtocolException e) {
        LOG.log(Level.INFO, "engine.ws.malformed sid={0} error={1}", sid, e.error());
        synchronized (this) {
            if (channel == probing) {
                abortUpgrade();
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

    private void onSocketPacket(WebSocketChannel channel, EnginePacket packet) {
        synchronized (this) {
            if (channel == probing) {
                upgradeStep(channel, packet);
                return;
            }
            if (channel != socket) {
                return;
            }
        }
        receive(packet);
    }

    /** Probe phase: {@code 2probe} → {@code 3probe} and a noop to the held poll; then {@code 5} switches. */
    private void upgradeStep(WebSocketChannel channel, EnginePacket packet) {
        if (packet instanceof EnginePacket.Ping ping && "probe".equals(ping.data()) && !probed) {
            channel.sendText("3probe");
            probed = true;
            answerHeldPoll(NOOP);
        } else if (packet instanceof EnginePacket.Upgrade && probed) {
            cancel(upgradeDeadline);
            probing = null;
            probed = false;
            transport = WEBSOCKET;
            socket = channel;
            answerHeldPoll(NOOP);
            while (!outbox.isEmpty()) {
                channel.sendText(outbox.poll());
            }
            LOG.log(Level.DEBUG, "engine.upgraded sid={0}", sid);
        } else {
            LOG.log(Level.INFO, "engine.upgrade.invalid sid={0} type={1}", sid, packet.type());
            abortUpgrade();
            channel.close();
        }
    }

    private void upgradeTimedOut(WebSocketChannel channel) {
        synchronized (this) {
            if (probing != channel) {
                return;
            }
            abortUpgrade();
        }
        LOG.log(Level.INFO, "engine.upgrade.timeout sid={0}", sid);
        channel.close();
    }

    private void abortUpgrade() {
        cancel(upgradeDeadline);
        probing = null;
        probed = false;
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
            events.execute(() -> server.listener().onMessage(this, packet));
        } else if (packet instanceof EnginePacket.Pong) {
            synchronized (this) {
                if (state == State.OPEN && pongDeadline != null) {
                    cancel(pongDeadline);
                    pongDeadline = null;
                    schedulePing();
                }
            }
        } else if (packet instanceof EnginePacket.Close) {
            closeWith("transport close");
            return false;
        }
        // Noop, and pings or upgrades outside the probe phase, carry nothing for the session.
        return true;
    }

    /** Ends the session once: answers a held poll with a close packet, closes sockets, tells the listener. */
    void closeWith(String reason) {
        boolean wasOpen;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            wasOpen = state == State.OPEN;
            state = State.CLOSED;
            cancel(pingTimer);
            cancel(pongDeadline);
            cancel(upgradeDeadline);
            outbox.clear();
            if (probing != null) {
                probing.close();
                probing = null;
            }
            if (socket != null) {
                socket.close();
                closeDelivered = true;
            } else if (heldPoll != null) {
                answerHeldPoll(CLOSE);
                closeDelivered = true;
            }
        }
        server.closed(this, closeDelivered());
        LOG.log(Level.INFO, "engine.close sid={0} reason={1}", sid, reason);
        if (wasOpen) {
            events.execute(() -> server.listener().onClose(this, reason));
        }
    }

    private synchronized boolean closeDelivered() {
        return closeDelivered;
    }

    private void schedulePing() {
        long interval = server.options().config().pingIntervalMs();
        pingTimer = server.scheduler().schedule(this::ping, interval, TimeUnit.MILLISECONDS);
    }

    private void ping() {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            write(PING);
            long timeout = server.options().config().pingTimeoutMs();
            pongDeadline = server.scheduler().schedule(() -> closeWith("ping timeout"), timeout,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Under the lock: to the websocket when there is one, else into the buffer for the next poll. */
    private void write(String packet) {
        if (socket != null) {
            socket.sendText(packet);
            return;
        }
        outbox.add(packet);
        if (heldPoll != null && state == State.OPEN) {
            answerHeldPoll(drain());
        }
    }

    private void answerHeldPoll(String payload) {
        PollResponder poll = heldPoll;
        if (poll != null) {
            heldPoll = null;
            poll.respond(payload);
        }
    }

    /** Polling payload: packets joined by the record separator (Engine.IO v4 §HTTP long-polling). */
    private String drain() {
        StringBuilder body = new StringBuilder();
        while (!outbox.isEmpty()) {
            if (body.length() > 0) {
                body.append(SEPARATOR);
            }
            body.append(outbox.poll());
        }
        return body.toString();
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
