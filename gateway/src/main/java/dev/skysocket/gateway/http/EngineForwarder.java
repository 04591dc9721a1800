package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.EngineError;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Proxies a polling request for a sid another node owns to that node's private listener, under
 * {@code /engine<path>} (DESIGN §7: a lost affinity costs latency, not the session). The owner runs the same
 * checks as its public listener, session-secret cookie included. A forwarded request carries
 * {@link #FORWARDED_HEADER} and the private route never forwards, so a request crosses at most one hop.
 */
final class EngineForwarder {
    private static final System.Logger LOG = System.getLogger(EngineForwarder.class.getName());
    static final String FORWARDED_HEADER = "X-Skysocket-Forwarded";
    static final String ROUTE_PREFIX = "/engine";
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    /** Sids are 20 URL-safe characters; anything else is not worth a store read (DESIGN §9). */
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> REQUEST_HEADERS = Set.of("cookie", "content-type", "content-length", "origin",
            "user-agent", "accept", "x-forwarded-for");
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and the length, which this hop sets itself. */
    private static final Set<String> SKIPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive",
            "transfer-encoding", "content-length", "upgrade", "proxy-connection", "te", "trailer");

    private final Vertx vertx;
    private final OwnerLookup lookup;
    private final HttpClient client;
    private final long timeoutMs;
    private final AtomicLong forwarded = new AtomicLong();

    /** {@code timeoutMs} must exceed the ping interval: a held GET lasts until the next ping. */
    EngineForwarder(Vertx vertx, OwnerLookup lookup, long timeoutMs, int maxConnections, int maxPayload) {
        this.vertx = vertx;
        this.lookup = lookup;
        this.timeoutMs = timeoutMs;
        // Frames stay at Vert.x's default size (the private listener's limit); messages up to maxPayload.
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setConnectTimeout(5_000).setIdleTimeout(0).setMaxWebSockets(maxConnections)
                        .setMaxWebSocketMessageSize(Math.max(HttpClientOptions.DEFAULT_MAX_WEBSOCKET_MESSAGE_SIZE,
                                maxPayload)),
                new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(maxConnections));
    }

    long forwarded() {
        return forwarded.get();
    }

    /** Looks the sid up and proxies; an sid no other node owns gets today's answer, 400 code 1. */
    void forward(HttpServerRequest request, String sid) {
        lookUp(request, sid, owner -> proxy(request, owner, sid));
    }

    /**
     * An upgrade for a session another node owns: opens the same upgrade to the owner, then relays messages both
     * ways until either side closes. Answers 400 code 1 when no other node owns it or the owner refuses.
     */
    void forwardUpgrade(HttpServerRequest request, String sid) {
        lookUp(request, sid, owner -> tunnel(request, owner, sid));
    }

    private void lookUp(HttpServerRequest request, String sid, Consumer<String> owned) {
        if (!SID.matcher(sid).matches()) {
            EngineHttpServer.fail(request, EngineError.SESSION_ID_UNKNOWN);
            return;
        }
        request.pause();
        vertx.<Optional<String>>executeBlocking(() -> lookup.ownerOf(sid), false).onComplete(found -> {
            if (found.failed() || found.result().isEmpty()) {
                if (found.failed()) {
                    LOG.log(Level.WARNING, "event=engine_forward_lookup_failed error={0}",
                            found.cause().getClass().getSimpleName());
                }
                request.resume();
                EngineHttpServer.fail(request, EngineError.SESSION_ID_UNKNOWN);
                return;
            }
            owned.accept(found.result().get());
        });
    }

    private void tunnel(HttpServerRequest request, String owner, String sid) {
        URI base = URI.create(owner);
        int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(port)
                .setSsl("https".equals(base.getScheme()))
                .setURI((base.getRawPath() == null ? "" : base.getRawPath()) + ROUTE_PREFIX + request.uri())
                .setTimeout(CONNECT_TIMEOUT_MS);
        request.headers().forEach(h -> {
            if (REQUEST_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        options.addHeader(FORWARDED_HEADER, "1");
        options.addHeader("X-Forwarded-Proto", SessionCookie.secure(request) ? "https" : "http");
        forwarded.incrementAndGet();
        LOG.log(Level.DEBUG, "event=engine_forward_upgrade sid={0}", sid);
        client.webSocket(options).onComplete(opened -> {
            if (opened.failed()) {
                request.resume();
                EngineHttpServer.fail(request, EngineError.SESSION_ID_UNKNOWN);
                return;
            }
            WebSocket upstream = opened.result();
            // The owner's 101 names it in the sticky cookie: pass that on, so the ALB re-pins the client there.
            MultiMap answered = upstream.headers();
            if (answered != null) {
                answered.getAll("Set-Cookie").forEach(c -> request.response().headers().add("Set-Cookie", c));
            }
            request.toWebSocket().onComplete(accepted -> {
                if (accepted.failed()) {
                    upstream.close();
                    return;
                }
                ServerWebSocket downstream = accepted.result();
                pipeMessages(downstream, upstream);
                pipeMessages(upstream, downstream);
                downstream.closeHandler(ignored -> upstream.close());
                upstream.closeHandler(ignored -> downstream.close());
                downstream.exceptionHandler(ignored -> downstream.close());
                upstream.exceptionHandler(ignored -> upstream.close());
            });
        });
    }

    /**
     * Messages from one side to the other, keeping their kind (text or binary). A side that does not read stalls
     * the other instead of growing this node's queue: reading pauses while the write queue is full and resumes
     * when it drains, so the owner's own send limit (a full socket refuses sends) still holds through the tunnel.
     */
    private static void pipeMessages(WebSocketBase from, WebSocketBase to) {
        to.setWriteQueueMaxSize(WebSocketExchange.WRITE_QUEUE_MAX_BYTES);
        to.drainHandler(ignored -> from.resume());
        from.textMessageHandler(text -> {
            to.writeTextMessage(text);
            if (to.writeQueueFull()) {
                from.pause();
            }
        });
        from.binaryMessageHandler(data -> {
            to.writeBinaryMessage(data);
            if (to.writeQueueFull()) {
                from.pause();
            }
        });
    }

    private void proxy(HttpServerRequest request, String owner, String sid) {
        RequestOptions options = new RequestOptions().setMethod(request.method())
                .setAbsoluteURI(owner + ROUTE_PREFIX + request.uri()).setIdleTimeout(timeoutMs);
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                unreachable(request, sid, created.cause());
                return;
            }
            HttpClientRequest outbound = created.result();
            request.headers().forEach(h -> {
                if (REQUEST_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    outbound.headers().add(h.getKey(), h.getValue());
                }
            });
            outbound.putHeader(FORWARDED_HEADER, "1");
            outbound.putHeader("X-Forwarded-Proto", SessionCookie.secure(request) ? "https" : "http");
            if (request.getHeader("Content-Length") == null && request.method().name().equals("POST")) {
                outbound.setChunked(true);
            }
            // The client gave up (a closed poll): reset, so the owner sees the poll abandoned too.
            request.connection().closeHandler(ignored -> outbound.reset());
            forwarded.incrementAndGet();
            LOG.log(Level.DEBUG, "event=engine_forward sid={0} method={1}", sid, request.method());
            outbound.send(request).compose(answer -> answer.body().map(body -> Map.entry(answer, body)))
                    .onComplete(answered -> {
                        if (answered.failed()) {
                            unreachable(request, sid, answered.cause());
                        } else {
                            relay(request, answered.result().getKey(), answered.result().getValue());
                        }
                    });
        });
    }

    private static void relay(HttpServerRequest request, HttpClientResponse answer, Buffer body) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.statusCode());
        // The owner's values replace this hop's (CORS, caching): a browser rejects a doubled
        // Access-Control-Allow-Origin. Its Set-Cookie (session secret, sticky cookie naming it) passes as is.
        answer.headers().names().forEach(name -> {
            if (!SKIPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                response.headers().remove(name);
            }
        });
        answer.headers().forEach(h -> {
            if (!SKIPPED_RESPONSE_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        response.end(body);
    }

    private static void unreachable(HttpServerRequest request, String sid, Throwable cause) {
        LOG.log(Level.WARNING, "event=engine_forward_failed sid={0} error={1}", sid, cause.getClass().getSimpleName());
        HttpServerResponse response = request.response();
        if (!response.ended() && !response.headWritten() && !response.closed()) {
            response.setStatusCode(502).end();  // the client treats it as a transport error and reconnects
        }
    }

    void close() {
        client.close();
    }
}
