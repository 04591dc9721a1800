package dev.skysocket.gateway.fallback;

import dev.skysocket.auth.ConnectAuthorizers;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.WorkerLimits;
import dev.skysocket.gateway.http.EngineHttpServer;
import dev.skysocket.gateway.http.StaticPage;
import dev.skysocket.gateway.http.management.ManagementListenerSettings;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import dev.skysocket.gateway.node.DrainController;
import dev.skysocket.gateway.node.DrainReport;
import dev.skysocket.gateway.node.DrainSettings;
import dev.skysocket.gateway.node.GatewayNode;
import dev.skysocket.gateway.node.NodeSettings;
import dev.skysocket.gateway.node.Readiness;
import dev.skysocket.api.Emitter;
import dev.skysocket.server.DeclaredServer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One fallback gateway node: the Socket.IO layer ({@link GatewayNode}) with its private Management API listener
 * (the HTTP binding's {@link PrivateManagementApi}, which the node starts and closes), the Engine.IO server that
 * feeds it, and the public HTTP listener (polling and websocket on {@code /socket.io/}). Each listener owns its
 * Vert.x instance; nothing here names a Vert.x type. The caller owns the DynamoDB client and the Management API
 * clients and closes them after this.
 */
public final class FallbackGateway implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FallbackGateway.class.getName());
    /** Well under an ALB health check's timeout (at least 2 s). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    /** One store probe serves every health check for this long. */
    private static final Duration PROBE_TTL = Duration.ofSeconds(2);

    private final GatewayNode node;
    private final EngineServer engine;
    private final EngineHttpServer http;
    private final DrainController drain;
    private final StoreProbe probe;
    private final WarmingGate warming;
    private final GatewayMetrics metrics;

    private FallbackGateway(GatewayNode node, EngineServer engine, EngineHttpServer http, DrainController drain,
                            StoreProbe probe, WarmingGate warming, GatewayMetrics metrics) {
        this.node = node;
        this.engine = engine;
        this.http = http;
        this.drain = drain;
        this.probe = probe;
        this.warming = warming;
        this.metrics = metrics;
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
        return start(settings, io, dynamo, clients, pages, false);
    }

    /**
     * The same; with {@code warmingFirst}, {@code /health} answers 503 "warming up" until {@link #warmed()}, so a
     * task that primes itself first gets its clients only after (the task's entry point, {@code FallbackMain}).
     */
    public static FallbackGateway start(Settings settings, DeclaredServer io, DynamoDbClient dynamo,
                                        ManagementApiClients clients, Map<String, StaticPage> pages,
                                        boolean warmingFirst) {
        SkysocketConfig config = SkysocketConfig.from(settings);
        FallbackSettings fallback = FallbackSettings.from(settings);
        DrainSettings drainSettings = DrainSettings.from(settings);
        Readiness readiness = new Readiness();
        NodeSettings nodeSettings = NodeSettings.from(settings);
        PrivateManagementApi managementApi = new PrivateManagementApi(listenerSettings(nodeSettings));
        GatewayMetrics metrics = GatewayMetrics.start(settings);
        managementApi.serveMetrics(GatewayMetrics.TOTALS::scrape);
        GatewayNode node = null;
        EngineServer engine = null;
        // A node that cannot reach its store answers /health with 503, so the ALB routes to one that can.
        StoreProbe probe = new StoreProbe(dynamo, config.tableName(), PROBE_TIMEOUT, PROBE_TTL);
        WarmingGate warming = new WarmingGate(probe, !warmingFirst);
        try {
            InboundLimits limits = InboundLimits.from(settings);
            node = GatewayNode.with(config, nodeSettings, io, dynamo, clients, managementApi).limits(limits)
                    .authorizer(ConnectAuthorizers.load(settings)).start();
            // While draining, /health answers 503 (the ALB stops routing here) and new handshakes are refused.
            engine = new EngineServer(EngineOptions.of(config).withRequireSecret(fallback.pollingSecret())
                    .withAdmission(readiness).withWorkers(WorkerLimits.from(settings)).withInbound(limits), node.listener());
            EngineHttpServer http = new EngineHttpServer(fallback.http(config.allowedOrigins()), engine, readiness)
                    .withHealthProbe(warming).withPages(pages)
                    .forwardingTo(new StoredOwners(node.context().connections(), node.managementUrl())).start();
            managementApi.serveEngine(http);
            DrainController drain = new DrainController(readiness, node.sessions(), drainSettings);
            LOG.log(Level.INFO, "event=fallback_started port={0} management_url={1} polling_secret={2}",
                    String.valueOf(http.port()), node.managementUrl(), String.valueOf(fallback.pollingSecret()));
            return new FallbackGateway(node, engine, http, drain, probe, warming, metrics);
        } catch (RuntimeException e) {
            probe.close();
            metrics.close();
            stop(null, engine, node);
            managementApi.close(); // a node that failed to start cannot close it; a second close does nothing
            throw e;
        }
    }

    /** The node's private listener as its settings say (the HTTP binding does not read node settings itself). */
    public static ManagementListenerSettings listenerSettings(NodeSettings node) {
        return new ManagementListenerSettings(node.host(), node.port(), node.basePath(), node.maxMessageBytes(),
                node.headerTimeoutMs());
    }

    /** The public port clients connect to. */
    /** Start-up priming is over: {@code /health} follows the store from now on. */
    public void warmed() {
        warming.open();
    }

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
        probe.close();
        stop(http, engine, node);
        metrics.close();  // after the sessions' closes, so the last line counts them
    }

    private static void stop(EngineHttpServer http, EngineServer engine, GatewayNode node) {
        if (engine != null) {
            engine.close(); // refuses handshakes and sends close packets while the listener still runs
        }
        if (http != null) {
            http.close();
        }
        if (node != null) {
            node.close(); // and with it the private listener and its Vert.x instance
        }
    }
}
