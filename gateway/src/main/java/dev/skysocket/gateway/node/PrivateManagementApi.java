package dev.skysocket.gateway.node;

import dev.skysocket.gateway.management.ManagementReplies;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.gateway.engine.EngineSession;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * This node's {@code @connections} API (DESIGN §7), in AWS's shapes so {@code ManagementApiFanout} reaches gateway
 * sessions unchanged: {@code POST} queues the body as one Engine.IO packet (200, empty body), {@code GET} describes
 * the session (ISO-8601 timestamps), {@code DELETE} closes it (204). An unknown or closed sid answers 410 with
 * {@code x-amzn-ErrorType: GoneException}; a body over the limit 413 (PayloadTooLargeException); a session whose
 * buffer is full 429 (LimitExceededException), which the fan-out retries with backoff.
 *
 * <p>Authentication: a SigV4-shaped {@code Authorization} header must be present, as on AWS, so an unsigned
 * caller is refused; the signature is not verified. The listener is private: only the service's own tasks may
 * reach its port (security group), which is the real protection.
 */
public final class PrivateManagementApi implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PrivateManagementApi.class.getName());
    private static final long BIND_TIMEOUT_SECONDS = 30;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Vertx vertx;
    private final SessionDirectory sessions;
    private final NodeSettings settings;
    private final String prefix;
    private final String enginePrefix;
    private volatile Handler<HttpServerRequest> engineRoute;
    private HttpServer server;

    public PrivateManagementApi(Vertx vertx, SessionDirectory sessions, NodeSettings settings) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.settings = settings;
        this.prefix = settings.basePath() + "/@connections/";
        this.enginePrefix = settings.basePath() + "/engine/";
    }

    /**
     * Serves Engine.IO requests other nodes forward under {@code <basePath>/engine/} (DESIGN §7, lost affinity).
     * They carry the client's own session-secret cookie when it keeps one, not a signature; until set, that path
     * answers 404.
     */
    public void serveEngine(Handler<HttpServerRequest> route) {
        this.engineRoute = route;
    }

    /** Binds the listener and returns its port once it accepts requests. */
    public synchronized int start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setHandle100ContinueAutomatically(true);
        HttpServer created = vertx.createHttpServer(options).requestHandler(this::handle);
        try {
            created.listen().toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the gateway management API", e);
        } catch (Exception e) {
            created.close();
            throw new IllegalStateException("the gateway management API cannot listen on " + settings.host() + ":"
                    + settings.port() + " (set skysocket.gateway-management-port to a free port)", e);
        }
        server = created;
        LOG.log(Level.INFO, "event=gateway_management_started host={0} port={1}", settings.host(),
                String.valueOf(created.actualPort()));
        return created.actualPort();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path != null && path.startsWith(enginePrefix)) {
            Handler<HttpServerRequest> route = engineRoute;
            if (route == null) {
                request.response().setStatusCode(404).end();
            } else {
                route.handle(request);
            }
            return;
        }
        String sid = sidOf(request.path());
        if (sid == null) {
            ManagementReplies.error(request, 403, "ForbiddenException", "Forbidden");  // AWS's answer to an unknown route
            return;
        }
        if (!ManagementReplies.signed(request)) {
            ManagementReplies.error(request, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            return;
        }
        HttpMethod method = request.method();
        if (HttpMethod.POST.equals(method)) {
            readBody(request, sid);
        } else if (HttpMethod.GET.equals(method)) {
            describe(request, sid);
        } else if (HttpMethod.DELETE.equals(method)) {
            delete(request, sid);
        } else {
            ManagementReplies.error(request, 403, "ForbiddenException", "Forbidden");
        }
    }

    /** The sid from {@code <basePath>/@connections/<sid>}, or null when the path is anything else. */
    private String sidOf(String path) {
        if (path == null || !path.startsWith(prefix)) {
            return null;
        }
        String raw = path.substring(prefix.length());
        if (raw.isEmpty() || raw.indexOf('/') >= 0) {
            return null;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Buffers up to the limit; past it, counts without buffering and answers 413 (AWS's 128 KB message limit). */
    private void readBody(HttpServerRequest request, String sid) {
        Buffer body = Buffer.buffer();
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] <= settings.maxMessageBytes()) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            if (received[0] > settings.maxMessageBytes()) {
                ManagementReplies.error(request, 413, "PayloadTooLargeException", "Message too long");
            } else {
                post(request, sid, body.toString(StandardCharsets.UTF_8));
            }
        });
    }

    private void post(HttpServerRequest request, String sid, String packet) {
        Optional<EngineSession> session = openSession(sid);
        if (session.isEmpty()) {
            gone(request, sid);
        } else if (session.get().send(packet)) {
            ManagementReplies.respond(request, 200).end();
        } else if (!session.get().isOpen()) {
            gone(request, sid);  // closed between the look-up and the send
        } else {
            // A full buffer, as AWS answers for a client that does not read: the fan-out retries with backoff.
            ManagementReplies.error(request, 429, "LimitExceededException", "Rate exceeded");
        }
    }

    private void describe(HttpServerRequest request, String sid) {
        Optional<SessionDirectory.LiveSession> found = sessions.find(sid).filter(l -> l.session().isOpen());
        if (found.isEmpty()) {
            gone(request, sid);
            return;
        }
        SessionDirectory.LiveSession live = found.get();
        ObjectNode json = mapper.createObjectNode();
        json.put("connectedAt", ManagementReplies.iso(Instant.ofEpochMilli(live.connectedAt())));
        ObjectNode identity = json.putObject("identity");
        identity.put("sourceIp", live.session().handshake().remoteAddress());
        identity.put("userAgent", live.session().handshake().headers().getOrDefault("user-agent", ""));
        json.put("lastActiveAt", ManagementReplies.iso(Instant.ofEpochMilli(live.lastActiveAt())));
        ManagementReplies.respond(request, 200).putHeader("Content-Type", "application/json").end(json.toString());
    }

    private void delete(HttpServerRequest request, String sid) {
        Optional<EngineSession> session = openSession(sid);
        if (session.isEmpty()) {
            gone(request, sid);
            return;
        }
        // The engine reports the close through EngineListener.onClose, which ends the sockets and removes items.
        session.get().close();
        LOG.log(Level.DEBUG, "event=gateway_management_delete sid={0}", sid);
        ManagementReplies.respond(request, 204).end();
    }

    private Optional<EngineSession> openSession(String sid) {
        return sessions.find(sid).map(SessionDirectory.LiveSession::session).filter(EngineSession::isOpen);
    }

    private void gone(HttpServerRequest request, String sid) {
        LOG.log(Level.DEBUG, "event=gateway_management_gone method={0} sid={1}", request.method(), sid);
        ManagementReplies.gone(request);
    }




    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close().toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "event=gateway_management_close_failed error={0}", e.getClass().getSimpleName());
        }
        server = null;
    }
}
