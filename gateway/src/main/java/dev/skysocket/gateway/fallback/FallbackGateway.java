package dev.skysocket.gateway.fallback;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.http.EngineHttpServer;
import dev.skysocket.gateway.http.StaticPage;
import dev.skysocket.gateway.node.DrainController;
import dev.skysocket.gateway.node.DrainReport;
import dev.skysocket.gateway.node.DrainSettings;
import dev.skysocket.gateway.node.GatewayNode;
import dev.skysocket.gateway.node.NodeSettings;
import dev.skysocket.gateway.node.Readiness;
import dev.skysocket.api.Emitter;
import dev.skysocket.server.DeclaredServer;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One fallback gateway node: the private Management API and Socket.IO layer ({@link GatewayNode}), the Engine.IO
 * server that feeds it, and the public HTTP listener (polling and websocket on {@code /socket.io/}). The caller
 * owns the DynamoDB client and the Management API clients and closes them after this.
 */
public final class FallbackGateway implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FallbackGateway.class.getName());

    private final Vertx nodeVertx;
    private final GatewayNode node;
    private final EngineServer engine;
    private final EngineHttpServer http;
    private final DrainController drain;

    private FallbackGateway(Vertx nodeVertx, GatewayNode node, EngineServer engine, EngineHttpServer http,
                            DrainController drain) {
        this.nodeVertx = nodeVertx;
        this.node = node;
        this.engine = engine;
        this.http = http;
        this.drain = drain;
    }

    /**
     * Starts in dependency order: the node (its private API must answer before any session's item exists), then
     * the engine, then the public listener.
     */
    public static FallbackGateway start(Settings settings, DeclaredServer io, DynamoDbClient dynamo,
                                        ManagementApiClients clients) {
        return start(settings, io, dynamo, clients, Map.of());
    }

    /** The same, also serving fixed pages by exact path (the local stack's demo page and its client bundle). */
    public static FallbackGateway start(Settings settings, DeclaredServer io, DynamoDbClient dynamo,
                                        ManagementApiClients clients, Map<String, StaticPage> pages) {
        SkysocketConfig config = SkysocketConfig.from(settings);
        FallbackSettings fallback = FallbackSettings.from(settings);
        DrainSettings drainSettings = DrainSettings.from(settings);
        Readiness readiness = new Readiness();
        Vertx vertx = Vertx.vertx();
        GatewayNode node = null;
        EngineServer engine = null;
        try {
            node = GatewayNode.start(config, NodeSettings.from(settings), io, dynamo, clients, vertx,
                    Clock.systemUTC());
            // While draining, /health answers 503 (the ALB stops routing here) and new handshakes are refused.
            engine = new EngineServer(EngineOptions.of(config).withRequireSecret(fallback.pollingSecret())
                    .withAdmission(readiness), node.listener());
            EngineHttpServer http = new EngineHttpServer(fallback.http(config.allowedOrigins()), engine, readiness)
                    .withPages(pages)
                    .forwardingTo(new StoredOwners(node.context().connections(), node.managementUrl())).start();
            node.serveEngine(http.forwardedRoute());
            DrainController drain = new DrainController(readiness, node.sessions(), drainSettings);
            LOG.log(Level.INFO, "event=fallback_started port={0} management_url={1} polling_secret={2}",
                    String.valueOf(http.port()), node.managementUrl(), String.valueOf(fallback.pollingSecret()));
            return new FallbackGateway(vertx, node, engine, http, drain);
        } catch (RuntimeException e) {
            stop(null, engine, node, vertx);
            throw e;
        }
    }

    /** The public port clients connect to. */
    public int port() {
        return http.port();
    }

    /** The private Management API base URL stored on this node's sessions. */
    public String managementUrl() {
        return node.managementUrl();
    }

    /** Polling requests this node proxied to the node owning their session (lost affinity). */
    public long forwardedRequests() {
        return http.forwardedRequests();
    }

    /** Requests other nodes forwarded to this node's private listener. */
    public long servedForwardedRequests() {
        return http.servedForwardedRequests();
    }

    public GatewayNode node() {
        return node;
    }

    /**
     * Stops taking new sessions and closes the existing ones spread over the drain window, so their clients
     * reconnect to other nodes without a synchronized storm. Run on SIGTERM before {@link #close()}.
     */
    public CompletableFuture<DrainReport> drain() {
        return drain.drain();
    }

    public DrainController drainController() {
        return drain;
    }

    /** Emits from outside any handler, within one tenant. */
    public Emitter emitter(String tenant) {
        return node.emitter(tenant);
    }

    /** Closes every session (their items go while the store is still up), the public listener, then the node. */
    @Override
    public void close() {
        drain.close();
        stop(http, engine, node, nodeVertx);
    }

    private static void stop(EngineHttpServer http, EngineServer engine, GatewayNode node, Vertx vertx) {
        if (engine != null) {
            engine.close(); // refuses handshakes and sends close packets while the listener still runs
        }
        if (http != null) {
            http.close();
        }
        if (node != null) {
            node.close();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "event=fallback_stop_failed error={0}", e.getClass().getName());
        }
    }
}
