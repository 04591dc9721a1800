package dev.skysocket.gateway.http.management;

import dev.skysocket.gateway.http.CloseHandshakeGuard;
import dev.skysocket.gateway.http.EngineHttpServer;
import dev.skysocket.gateway.http.HeaderDeadline;
import dev.skysocket.gateway.http.MalformedRequests;
import dev.skysocket.gateway.management.ConnectionTargets;
import dev.skysocket.gateway.management.ManagementListener;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A gateway node's private listener (DESIGN §7): the {@code @connections} API in AWS's shapes
 * ({@link ManagementRoute} over the node's sessions as {@link ConnectionTargets}) so {@code ManagementApiFanout}
 * reaches gateway sessions unchanged, and the engine's route for requests other nodes forward. It owns its Vert.x
 * instance: created on {@link #start}, closed on {@link #close}.
 *
 * <p>Authentication: a SigV4-shaped {@code Authorization} header must be present, as on AWS, so an unsigned
 * caller is refused; the signature is not verified. The listener is private: only the service's own tasks may
 * reach its port (security group), which is the real protection.
 */
public final class PrivateManagementApi implements ManagementListener {
    private static final System.Logger LOG = System.getLogger(PrivateManagementApi.class.getName());
    private static final long BIND_TIMEOUT_SECONDS = 30;
    private static final String METRICS_PATH = "/metrics";

    private final ManagementListenerSettings settings;
    private final String enginePrefix;
    private volatile Handler<HttpServerRequest> engineRoute;
    private volatile Supplier<String> metrics;
    private ManagementRoute management;
    private Vertx vertx;
    private HttpServer server;

    public PrivateManagementApi(ManagementListenerSettings settings) {
        this.settings = settings;
        this.enginePrefix = settings.basePath() + "/engine/";
    }

    /**
     * Serves Engine.IO requests other nodes forward under {@code <basePath>/engine/} (DESIGN §7, lost affinity)
     * through {@code engineHttp}'s forwarded route. They carry the client's own session-secret cookie when it keeps
     * one, not a signature; until set, that path answers 404.
     */
    public void serveEngine(EngineHttpServer engineHttp) {
        this.engineRoute = engineHttp.forwardedRoute();
    }

    /**
     * Serves {@code GET /metrics}: {@code scrape}'s text in Prometheus' exposition format 0.0.4. Only on this
     * private port: the counts say how busy the service is, which is nobody's business outside it. Until set, that
     * path answers 404.
     */
    public void serveMetrics(Supplier<String> scrape) {
        this.metrics = scrape;
    }

    /** Binds the listener and returns its port once it accepts requests. */
    @Override
    public synchronized int start(ConnectionTargets targets) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        management = new ManagementRoute(settings.basePath(), targets, settings.maxMessageBytes(),
                ManagementReplies::signed);
        vertx = Vertx.vertx();
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setHandle100ContinueAutomatically(true)
                .setHttp2ClearTextEnabled(false); // HTTP/1.1 only: the connection handler (HeaderDeadline) runs on accept
        HeaderDeadline deadline = new HeaderDeadline(settings.headerTimeoutMs());
        HttpServer created = vertx.createHttpServer(options)
                .connectionHandler(CloseHandshakeGuard.installThen(deadline.onConnection()))
                .requestHandler(this::handle);
        try {
            created.listen().toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeVertx();
            throw new IllegalStateException("interrupted while binding the gateway management API", e);
        } catch (Exception e) {
            closeVertx();
            throw new IllegalStateException("the gateway management API cannot listen on " + settings.host() + ":"
                    + settings.port() + " (set skysocket.gateway-management-port to a free port)", e);
        }
        server = created;
        LOG.log(Level.INFO, "event=gateway_management_started host={0} port={1}", settings.host(),
                String.valueOf(created.actualPort()));
        return created.actualPort();
    }

    @Override
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String malformed = MalformedRequests.reason(request);
        if (malformed != null) {
            LOG.log(Level.INFO, "event=http_malformed_request reason={0}", malformed);
            ManagementReplies.error(request, 400, "BadRequestException", "Bad Request");
            return;
        }
        String path = request.path();
        if (METRICS_PATH.equals(path)) {
            MetricsRoute.handle(request, metrics);
            return;
        }
        if (path != null && path.startsWith(enginePrefix)) {
            Handler<HttpServerRequest> route = engineRoute;
            if (route == null) {
                request.response().setStatusCode(404).end();
            } else {
                route.handle(request);
            }
            return;
        }
        if (!management.handle(request)) {
            ManagementReplies.error(request, 403, "ForbiddenException", "Forbidden");  // AWS's answer to an unknown route
        }
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
        closeVertx();
    }

    /** Closing the instance also closes a server that failed to bind. */
    private void closeVertx() {
        Vertx owned = vertx;
        vertx = null;
        try {
            owned.close().toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "event=gateway_management_close_failed error={0}", e.getClass().getSimpleName());
        }
    }
}
