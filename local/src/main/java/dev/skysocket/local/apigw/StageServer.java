package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.CloseHandshakeGuard;
import dev.skysocket.gateway.http.HeaderDeadline;
import dev.skysocket.gateway.http.management.ManagementReplies;
import dev.skysocket.gateway.http.management.ManagementRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the emulator, from bind to stop: the Vert.x listener, the integration workers, and the parts wired to
 * them. {@link #stop} undoes {@link #listen} in an order that lets every {@code $disconnect} run first.
 */
final class StageServer {

    private static final System.Logger LOG = System.getLogger(StageServer.class.getName());
    /** Seconds the emulator waits for a client's reply to its close frame before dropping the TCP connection. */
    private static final int CLOSING_TIMEOUT_SECONDS = 2;

    private final EmulatorSettings settings;
    private final EmulatorStats stats;
    private final OrderedMode orderedMode;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final ThreadPoolExecutor workers;
    private final FairDispatch fair;
    private final Vertx vertx;
    private final HttpServer server;
    private final LiveConnections connections;
    private final UpgradeHandler upgrades;
    private volatile String domainName;
    private OrderedDelivery ordered;
    private LivenessSweep sweep;
    private boolean stopped;

    /** Builds the server without binding it; {@code authorizer} and {@code orderedMode} may be null. */
    StageServer(EmulatorSettings settings, WebSocketIntegration integration, AuthorizerSettings authorizer,
                OrderedMode orderedMode, Duration headerTimeout, EmulatorStats stats, ManagementFaults faults,
                InvocationLimits limits) {
        this.settings = settings;
        this.stats = stats;
        this.orderedMode = orderedMode;
        workers = limits.newPool();
        fair = new FairDispatch(workers, limits.threads(), limits.perConnection(), settings.maxInvocationDelay());
        IntegrationInvoker invoker = new IntegrationInvoker(integration, workers, settings.integrationTimeout(), stats);
        // Like AWS, an unsigned request is refused; locally any SigV4-shaped header (dummy credentials too) passes.
        ManagementRoute management = new ManagementRoute("/" + settings.stage(),
                new EmulatorTargets(registry, stats, faults), settings.maxMessageBytes(), ManagementReplies::signed);
        vertx = Vertx.vertx();
        // A fragmented message gets the patience a request's headers get, as on the gateway.
        connections = new LiveConnections(settings, stats, registry, invoker, workers, headerTimeout,
                new InvocationBacklog(limits.backlog()), fair);
        AuthorizerCall authorizerCall = authorizer == null ? null
                : new AuthorizerCall(authorizer, workers, settings.integrationTimeout(), stats);
        upgrades = new UpgradeHandler(settings, stats, authorizerCall, invoker, connections, vertx, this::port,
                () -> limits.saturated(workers, fair.waiting()));
        HeaderDeadline deadline = new HeaderDeadline(headerTimeout.toMillis());
        server = vertx.createHttpServer(options(settings))
                .connectionHandler(CloseHandshakeGuard.installThen(deadline.onConnection()))
                .webSocketHandshakeHandler(upgrades::onHandshake)
                .webSocketHandler(StageServer::onAccepted)
                .requestHandler(new ManagementRoutes(management)::onRequest);
    }

    private static HttpServerOptions options(EmulatorSettings settings) {
        return new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                // Netty refuses larger frames itself; EmulatedConnection turns that into a 1009 close.
                .setMaxWebSocketFrameSize(settings.maxFrameBytes())
                .setMaxWebSocketMessageSize(settings.maxMessageBytes())
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setWebSocketClosingTimeout(CLOSING_TIMEOUT_SECONDS)
                .setHandle100ContinueAutomatically(true)
                // HTTP/1.1 only: the connection handler (HeaderDeadline) runs on accept.
                .setHttp2ClearTextEnabled(false);
    }

    /** Binds the listener and returns once it accepts connections; on failure, stops and throws. */
    void listen() {
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        domainName = settings.domainName() != null ? settings.domainName() : authority();
        if (orderedMode != null) {
            // Before the events are published, so that no connection opens without it.
            ordered = orderedMode.start(settings, workers, domainName);
            connections.deliverInOrder(ordered);
        }
        upgrades.ready(new WebSocketEvents(settings.apiId(), settings.stage(), domainName));
        sweep = new LivenessSweep(vertx, settings, registry);
    }

    int port() {
        return server.actualPort();
    }

    /** {@code host:port} as clients reach it: a wildcard host is reached on 127.0.0.1, IPv6 in brackets. */
    String authority() {
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return host + ":" + server.actualPort();
    }

    String domainName() {
        return domainName;
    }

    boolean stopped() {
        return stopped;
    }

    /**
     * Closes every connection with 1001 "Going away", waits for their {@code $disconnect} invocations (bounded by
     * the closing handshake plus the integration timeout), then stops listening and the workers. Once only.
     */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (sweep != null) {
            sweep.stop();
        }
        long waitMillis = Duration.ofSeconds(CLOSING_TIMEOUT_SECONDS + 1).plus(settings.integrationTimeout())
                .toMillis();
        connections.closeAll(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis));
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "apigw.stop.vertx error={0}", e.toString());
        }
        if (ordered != null) {
            ordered.close();
        }
        fair.close();
        workers.shutdownNow();
        LOG.log(Level.INFO, "apigw.stop {0}", stats);
    }

    /** Accepted sockets are wired by {@link LiveConnections}; this handler only has to exist for upgrades. */
    private static void onAccepted(ServerWebSocket socket) {
    }
}
