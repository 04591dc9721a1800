package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.EngineError;
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
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    EngineForwarder(Vertx vertx, OwnerLookup lookup, long timeoutMs, int maxConnections) {
        this.vertx = vertx;
        this.lookup = lookup;
        this.timeoutMs = timeoutMs;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setConnectTimeout(5_000).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(maxConnections));
    }

    long forwarded() {
        return forwarded.get();
    }

    /** Looks the sid up and proxies; an sid no other node owns gets today's answer, 400 code 1. */
    void forward(HttpServerRequest request, String sid) {
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
            proxy(request, found.result().get(), sid);
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
