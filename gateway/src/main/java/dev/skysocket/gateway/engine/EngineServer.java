package dev.skysocket.gateway.engine;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.engineio.EngineIoEncoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Engine.IO v4 server without any HTTP library: verifies requests, runs handshakes, finds sessions. The
 * transport adapter (package {@code gateway.http}) turns requests and websockets into calls on it.
 */
public final class EngineServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineServer.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
    /** 15 random bytes are 20 URL-safe characters. */
    private static final int SID_BYTES = 15;
    private static final int SECRET_BYTES = 18;

    private final EngineOptions options;
    private final EngineListener listener;
    private final EngineIoDecoder decoder;
    private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();
    private final EngineWorkers workers;
    private final ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    public EngineServer(EngineOptions options, EngineListener listener) {
        this.options = options;
        this.listener = listener;
        this.decoder = new EngineIoDecoder(options.config().codecLimits());
        this.workers = new EngineWorkers(options.workers().threads(), options.workers().queueLimit());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads("engine-timer-"));
    }

    public EngineOptions options() {
        return options;
    }

    /**
     * Checks a request before anything else happens (Engine.IO v4 §Transports, error codes 0–5). {@code secret}
     * is what the client presented (a cookie), or null; the first right one locks the session to it
     * ({@link SessionSecret}). Returns null when the request may proceed.
     */
    public EngineError verify(String method, Map<String, String> query, String secret) {
        String transport = query.get("transport");
        // Exact names only: "__proto__", "constructor" and friends are unknown transports (DESIGN §9).
        if (!ServerSession.POLLING.equals(transport) && !ServerSession.WEBSOCKET.equals(transport)) {
            return EngineError.TRANSPORT_UNKNOWN;
        }
        if (!"4".equals(query.get("EIO"))) {
            return EngineError.UNSUPPORTED_PROTOCOL_VERSION;
        }
        String sid = query.get("sid");
        if (sid == null) {
            if (!"GET".equals(method)) {
                return EngineError.BAD_HANDSHAKE_METHOD;
            }
            if (stopping) {
                return EngineError.FORBIDDEN;
            }
            if (!options.admitting().getAsBoolean()) {
                return EngineError.DRAINING;
            }
            // Shed load before it reaches the store: a client retries with its reconnection backoff.
            if (workers.saturated()) {
                LOG.log(Level.DEBUG, "engine.handshake.busy queued={0}", String.valueOf(workers.queued()));
                return EngineError.BUSY;
            }
            return null;
        }
        ServerSession session = sessions.get(sid);
        // A live sid refused for its secret looks exactly like an unknown one, so probing sids learns nothing.
        if (session == null || (session.secret() != null && !session.secret().admits(secret))) {
            return EngineError.SESSION_ID_UNKNOWN;
        }
        if (ServerSession.WEBSOCKET.equals(transport)) {
            // Only an upgrade of a polling session, one at a time; like the reference server, a websocket for a
            // session already upgraded or upgrading is accepted and then closed ({@link #upgrade} says null).
            return session.isClosed() ? EngineError.BAD_REQUEST : null;
        }
        if (!ServerSession.POLLING.equals(session.transport())) {
            return EngineError.BAD_REQUEST; // polling on a session that lives on a websocket
        }
        return null;
    }

    /** The session a verified request names; null when it has gone since. */
    public EngineSession session(String sid) {
        return sid == null ? null : sessions.get(sid);
    }

    /**
     * Creates a session for a verified handshake and asks the listener; completes with the session, or
     * exceptionally with {@link HandshakeRefused} (answer 403, code 4).
     */
    public CompletableFuture<EngineSession> open(HandshakeRequest request, String transport) {
        boolean polling = ServerSession.POLLING.equals(transport);
        SkysocketConfig config = options.config();
        String sid = randomToken(SID_BYTES);
        // Engine.IO v4 §Handshake: polling sessions may upgrade; a websocket session has nowhere to go.
        String open = EngineIoEncoder.encode(new EnginePacket.Open(sid,
                polling ? List.of(ServerSession.WEBSOCKET) : List.of(), config.pingIntervalMs(),
                config.pingTimeoutMs(), config.maxPayload()));
        SessionSecret secret = polling && options.requireSecret() ? new SessionSecret(randomToken(SECRET_BYTES))
                : null;
        ServerSession session = new ServerSession(this, sid, secret, request, transport, open);
        sessions.put(sid, session);
        CompletableFuture<EngineSession> opened = new CompletableFuture<>();
        session.events().execute(() -> {
            try {
                listener.onOpen(session);
            } catch (HandshakeRefused refused) {
                sessions.remove(sid);
                session.closeWith(EngineCloseReason.FORCED_CLOSE);
                LOG.log(Level.INFO, "engine.handshake.refused transport={0}", transport);
                opened.completeExceptionally(refused);
                return;
            } catch (RuntimeException e) {
                sessions.remove(sid);
                session.closeWith(EngineCloseReason.SERVER_ERROR);
                LOG.log(Level.WARNING, "engine.handshake.failed error={0}", e.getClass().getName());
                opened.completeExceptionally(e);
                return;
            }
            session.opened();
            LOG.log(Level.DEBUG, "engine.open sid={0} transport={1}", sid, transport);
            opened.complete(session);
        });
        return opened;
    }

    /** The handshake GET's body: the open packet plus anything queued during onOpen. */
    public String handshakePayload(EngineSession session) {
        return ((ServerSession) session).takeHandshakePayload();
    }

    /** The secret a polling session's cookie carries, drawn at its handshake; null when it has none. */
    public String secretOf(EngineSession session) {
        SessionSecret secret = ((ServerSession) session).secret();
        return secret == null ? null : secret.value();
    }

    /** True once the session's client presented its secret: requests without it are refused from then on. */
    public boolean secretLocked(EngineSession session) {
        SessionSecret secret = ((ServerSession) session).secret();
        return secret != null && secret.locked();
    }

    /** A polling GET; returns null when accepted (answered now or held), else the error to answer with. */
    public EngineError poll(EngineSession session, PollResponder responder) {
        return ((ServerSession) session).polling().poll(responder);
    }

    /** The client dropped a held GET. */
    public void pollAbandoned(EngineSession session, PollResponder responder) {
        ((ServerSession) session).polling().abandoned(responder);
    }

    /** A polling POST's headers, before its body: null when the body may be read, else the error to answer. */
    public EngineError startPost(EngineSession session) {
        return ((ServerSession) session).polling().startPost();
    }

    /** A polling POST body; null when accepted (answer "ok"), else the error to answer with. */
    public EngineError post(EngineSession session, String body) {
        return ((ServerSession) session).polling().post(body);
    }

    /** The client dropped a POST before its body was read. */
    public void postAbandoned(EngineSession session) {
        ((ServerSession) session).polling().postAbandoned();
    }

    /**
     * A binary POST body (application/octet-stream) on an Engine.IO v4 session, whose polling payloads are text:
     * the reference server ends the session ("invalid content"), and the adapter answers 400 code 3.
     */
    public void invalidContent(EngineSession session) {
        ((ServerSession) session).closeWith(EngineCloseReason.TRANSPORT_ERROR);
    }

    /** A POST over {@code maxPayload}: answered 413 by the adapter, and the session ends. */
    public void payloadTooLarge(EngineSession session) {
        LOG.log(Level.INFO, "event=engine_refused reason=payload_too_large status=413 sid={0}", session.sid());
        ((ServerSession) session).closeWith(EngineCloseReason.TRANSPORT_ERROR);
    }

    /** Attaches the websocket of a session opened with {@code transport=websocket}. */
    public WebSocketInbound attach(EngineSession session, WebSocketChannel channel) {
        ServerSession s = (ServerSession) session;
        s.websocket().attach(channel);
        return inbound(s, channel);
    }

    /** Starts the probe phase for a polling session; null when it cannot upgrade now (close the socket). */
    public WebSocketInbound upgrade(EngineSession session, WebSocketChannel channel) {
        ServerSession s = (ServerSession) session;
        return s.upgrade().begin(channel) ? inbound(s, channel) : null;
    }

    private WebSocketInbound inbound(ServerSession s, WebSocketChannel channel) {
        return new SocketFrames(s.websocket(), channel, decoder);
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** Refuses new sessions, closes every session ({@link EngineCloseReason#SERVER_SHUTTING_DOWN}), stops threads. */
    @Override
    public void close() {
        stopping = true;
        for (ServerSession session : new ArrayList<>(sessions.values())) {
            session.closeWith(EngineCloseReason.SERVER_SHUTTING_DOWN, true);
        }
        scheduler.shutdownNow();
        workers.shutdown(5);
    }

    // ---- for the sessions and their transports ---------------------------------------------------------------

    EngineWorkers workers() {
        return workers;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    EngineIoDecoder decoder() {
        return decoder;
    }

    EngineListener listener() {
        return listener;
    }

    /**
     * With {@code linger} a closed session stays findable until its close packet reached the client (polling:
     * the next GET gets {@code 1}), at most one ping timeout; otherwise it is forgotten now.
     */
    void closed(ServerSession session, boolean linger) {
        if (!linger || stopping) {
            sessions.remove(session.sid(), session);
            return;
        }
        try {
            scheduler.schedule(() -> forget(session), options.config().pingTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            forget(session);
        }
    }

    void forget(ServerSession session) {
        sessions.remove(session.sid(), session);
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return URL_SAFE.encodeToString(random);
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
