package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.EngineError;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.HandshakeRequest;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Serves an {@link EngineServer} over HTTP with Vert.x: polling GET/POST and websockets on the Engine.IO path.
 * Upgrades go through the request handler (no websocket handler is set), so the 101 carries the headers put on
 * the response first: that is how the sticky cookie reaches the raw upgrade answer.
 */
public final class EngineHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineHttpServer.class.getName());
    /** Held polls occupy a connection each; past this many, forwarded requests queue, then fail. */
    private static final int MAX_FORWARD_CONNECTIONS = 1_000;

    private final EngineHttpSettings settings;
    private final EngineServer engine;
    private final Cors cors;
    private final HealthRoute health;
    private volatile StaticPages pages = new StaticPages(Map.of());
    private Vertx vertx;
    private Listeners listeners;
    private volatile PollingExchange polling;
    private WebSocketExchange websockets;
    private OwnerLookup owners;
    private volatile EngineForwarder forwarder;
    private final AtomicLong servedForwarded = new AtomicLong();

    public EngineHttpServer(EngineHttpSettings settings, EngineServer engine) {
        this(settings, engine, () -> true);
    }

    /** {@code ready} drives {@code /health}: 200 while true, 503 once the node drains (without it: always 200). */
    public EngineHttpServer(EngineHttpSettings settings, EngineServer engine, BooleanSupplier ready) {
        if (settings.path().equals(HealthRoute.PATH + "/")) {
            throw new IllegalArgumentException("the Engine.IO path cannot be " + HealthRoute.PATH);
        }
        this.settings = settings;
        this.engine = engine;
        this.cors = new Cors(settings.allowedOrigins());
        this.health = new HealthRoute(ready);
    }

    /**
     * Before {@link #start()}: a polling request or websocket upgrade for a sid this node does not hold is looked
     * up with {@code owners} and, when another node owns it, proxied (or tunnelled) to that node's
     * {@link #forwardedRoute()}.
     */
    public synchronized EngineHttpServer forwardingTo(OwnerLookup owners) {
        if (vertx != null) {
            throw new IllegalStateException("already started");
        }
        this.owners = owners;
        return this;
    }

    /**
     * The handler for Engine.IO requests forwarded by other nodes, mounted on the private listener under
     * {@code /engine<path>}: the same checks and code path as the public listener, and never forwarded again.
     */
    public Handler<HttpServerRequest> forwardedRoute() {
        String routed = EngineForwarder.ROUTE_PREFIX + settings.path();
        return request -> {
            if (MalformedRequests.refused(request)) {
                return;
            }
            String path = request.path();
            int at = path == null ? -1 : path.lastIndexOf(routed.substring(0, routed.length() - 1));
            if (at < 0 || polling == null) {
                request.response().setStatusCode(404).end();
                return;
            }
            servedForwarded.incrementAndGet();
            serve(request, path.substring(at + EngineForwarder.ROUTE_PREFIX.length()), true);
        };
    }

    /** Polling requests this node proxied to the owner of their session. */
    public long forwardedRequests() {
        EngineForwarder current = forwarder;
        return current == null ? 0 : current.forwarded();
    }

    public long servedForwardedRequests() { // requests other nodes forwarded here
        return servedForwarded.get();
    }

    /** {@code /health} answers 503 with the probe's reason (a constant, sent unescaped) while it reports a fault. */
    public EngineHttpServer withHealthProbe(HealthProbe probe) {
        health.probe(probe);
        return this;
    }

    /** Serves these fixed documents by exact path beside the Engine.IO path (the local demo); before start. */
    public synchronized EngineHttpServer withPages(Map<String, StaticPage> staticPages) {
        this.pages = new StaticPages(staticPages);
        return this;
    }

    public synchronized EngineHttpServer start() {
        if (vertx != null) {
            throw new IllegalStateException("already started");
        }
        vertx = Vertx.vertx();
        int maxPayload = engine.options().config().maxPayload();
        polling = new PollingExchange(engine, settings, maxPayload);
        websockets = new WebSocketExchange(engine, settings);
        if (owners != null) {
            var config = engine.options().config();
            // Longer than a held GET (answered by the next ping at the latest), bounded by the ping timeout.
            forwarder = new EngineForwarder(vertx, owners, config.pingIntervalMs() + config.pingTimeoutMs(),
                    MAX_FORWARD_CONNECTIONS, maxPayload);
        }
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(sharedPort(settings))
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeoutMs(engine.options().config())))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWebSocketFrameSize(maxPayload)
                .setMaxWebSocketMessageSize(maxPayload)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setHttp2ClearTextEnabled(false); // HTTP/1.1 only: the connection handler (HeaderDeadline) runs on accept
        try {
            listeners = Listeners.start(vertx, options, this::onRequest, settings.listeners(),
                    new HeaderDeadline(settings.headerTimeoutMs()));
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        LOG.log(Level.INFO, "engine.http.start host={0} port={1} path={2} event_loops={3}", settings.host(),
                String.valueOf(port()), settings.path(), String.valueOf(settings.listeners()));
        return this;
    }

    /**
     * A connection with no traffic either way for this long is closed, so half-open or silent connections
     * (a slowloris, a client that vanished without a FIN) do not pile up. Live ones never get there: a held GET
     * is answered by the next ping at the latest and a websocket sees a ping every interval.
     */
    static long idleTimeoutMs(dev.skysocket.config.SkysocketConfig config) {
        return 2 * (config.pingIntervalMs() + config.pingTimeoutMs());
    }

    /**
     * Vert.x shares one socket among servers of one Vert.x instance asking for the same port, but port 0 gives
     * each its own free port; a negative port is its way of asking for one free port shared by all of them.
     */
    static int sharedPort(EngineHttpSettings settings) {
        return settings.port() == 0 ? -1 : settings.port();
    }

    public int port() {
        return listeners.port();
    }

    @Override
    public synchronized void close() {
        if (vertx == null) {
            return;
        }
        if (forwarder != null) {
            forwarder.close();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "engine.http.stop error={0}", e.toString());
        }
        vertx = null;
    }

    private void onRequest(HttpServerRequest request) {
        if (MalformedRequests.refused(request)) {
            return;
        }
        String path = request.path();
        if (HealthRoute.PATH.equals(path)) {
            health.handle(request);
            return;
        }
        // A forwarded marker arriving here means a loop (an endpoint pointing at a public port): never forward it.
        serve(request, path, request.getHeader(EngineForwarder.FORWARDED_HEADER) != null);
    }

    private void serve(HttpServerRequest request, String path, boolean forwarded) {
        String bare = settings.path().substring(0, settings.path().length() - 1);
        if (!settings.path().equals(path) && !bare.equals(path)) {
            if (!pages.serve(request)) {
                request.response().setStatusCode(404).end();
            }
            return;
        }
        HttpServerResponse response = request.response();
        if (request.method() == HttpMethod.OPTIONS) {
            cors.preflight(request);
            return;
        }
        cors.apply(request, response);
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("X-Content-Type-Options", "nosniff");
        // MalformedRequests refused a broken escape already, so this parses.
        Map<String, String> query = HandshakeQuery.parse(request.query());
        String sid = query.get("sid");
        if (sid != null && !forwarded && forwarder != null && engine.session(sid) == null) {
            if ("polling".equals(query.get("transport"))) {
                forwarder.forward(request, sid);
                return;
            }
            if ("websocket".equals(query.get("transport")) && request.method() == HttpMethod.GET
                    && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                forwarder.forwardUpgrade(request, sid);
                return;
            }
        }
        EngineError refused = engine.verify(request.method().name(), query, SessionCookie.read(request, sid));
        if (refused != null) {
            fail(request, refused);
            return;
        }
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (sid != null && "polling".equals(query.get("transport"))) {
            repin(request); // every 101 carries the cookie already (WebSocketExchange)
        }
        if ("websocket".equals(query.get("transport"))) {
            if (!upgrade || request.method() != HttpMethod.GET) {
                Refusals.refuse(request, EngineError.BAD_REQUEST, "websocket_without_upgrade");
                return;
            }
            websockets.handle(request, query, sid);
        } else if (request.method() == HttpMethod.GET) {
            polling.get(request, query, sid);
        } else if (request.method() == HttpMethod.POST && sid != null) {
            polling.post(request, sid);
        } else {
            Refusals.refuse(request, EngineError.BAD_REQUEST, "polling_method");
        }
    }

    /**
     * A request for a session this node holds, without the sticky cookie or with another node's (a lost
     * affinity, or a forwarded request): the answer names this node again, so the ALB pins the client back
     * here (DESIGN §7) and later requests stop costing a forward.
     */
    private void repin(HttpServerRequest request) {
        StickyCookie sticky = settings.stickyCookie();
        if (sticky == null) {
            return;
        }
        io.vertx.core.http.Cookie presented = request.getCookie(sticky.name());
        if (presented == null || !sticky.names(presented.getValue())) {
            request.response().headers().add("Set-Cookie", sticky.header(SessionCookie.secure(request)));
            LOG.log(Level.DEBUG, "event=sticky_cookie_reissued had_cookie={0}", String.valueOf(presented != null));
        }
    }

    /** Engine.IO's JSON error, logged under the error's own name ({@link Refusals}). */
    static void fail(HttpServerRequest request, EngineError error) {
        Refusals.refuse(request, error, Refusals.reasonOf(error));
    }

    static HandshakeRequest handshake(HttpServerRequest request, Map<String, String> query) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(entry -> headers.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT),
                entry.getValue()));
        headers.remove("cookie"); // the session secret stays in this package
        String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        return new HandshakeRequest(headers, query, remote, System.currentTimeMillis());
    }
}
