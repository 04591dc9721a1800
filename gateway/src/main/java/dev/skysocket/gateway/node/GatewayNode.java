package dev.skysocket.gateway.node;

import dev.skysocket.runtime.DynamoBackend;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.engine.EngineListener;
import dev.skysocket.api.Emitter;
import dev.skysocket.server.StoreEmitter;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.server.ServerContext;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.RoomStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger.Level;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One gateway node: the same stores, fan-out and Socket.IO layer as the API Gateway path (through
 * {@link DynamoBackend}), this node's sessions, the {@link EngineListener} the Engine.IO server calls, and the
 * private Management API that lets any node or Lambda reach those sessions. The caller owns the DynamoDB client,
 * the Management API clients and the Vert.x instance, and closes them after this node.
 */
public final class GatewayNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GatewayNode.class.getName());

    private final ServerContext context;
    private final SessionDirectory sessions;
    private final GatewaySessions listener;
    private final PrivateManagementApi managementApi;
    private final String managementUrl;
    private final Vertx vertx;
    private final long rotationTimer;

    private GatewayNode(ServerContext context, SessionDirectory sessions, GatewaySessions listener,
                        PrivateManagementApi managementApi, String managementUrl, Vertx vertx, long rotationTimer) {
        this.vertx = vertx;
        this.rotationTimer = rotationTimer;
        this.context = context;
        this.sessions = sessions;
        this.listener = listener;
        this.managementApi = managementApi;
        this.managementUrl = managementUrl;
    }

    /** Reads {@code SkysocketConfig} and {@link NodeSettings} from {@code settings}. */
    public static GatewayNode start(Settings settings, DeclaredServer io, DynamoDbClient dynamo,
                                    ManagementApiClients clients, Vertx vertx) {
        return start(SkysocketConfig.from(settings), NodeSettings.from(settings), io, dynamo, clients, vertx,
                Clock.systemUTC());
    }

    /** Starts the private Management API first: the endpoint stored on sessions must answer before any opens. */
    public static GatewayNode start(SkysocketConfig config, NodeSettings settings, DeclaredServer io,
                                    DynamoDbClient dynamo, ManagementApiClients clients, Vertx vertx, Clock clock) {
        SessionDirectory sessions = new SessionDirectory();
        PrivateManagementApi managementApi = new PrivateManagementApi(vertx, sessions, settings);
        int port = managementApi.start();
        String url = settings.urlFor(port);
        DynamoBackend backend = DynamoBackend.create(config, dynamo, clients, clock);
        // This node's own memberships live in memory too: a broadcast reads only the other endpoints' from DynamoDB.
        LocalRooms localRooms = new LocalRooms(url);
        ConnectionStore connections = new IndexedConnectionStore(backend.connections(), localRooms);
        RoomStore rooms = new IndexedRoomStore(backend.rooms(), localRooms);
        ServerContext context;
        if (settings.localDelivery()) {
            LocalDelivery delivery = new LocalDelivery(sessions, url, backend.fanout(),
                    recipient -> connections.remove(recipient.connectionId()));
            context = new ServerContext(config, io, connections, rooms, delivery, delivery, clock, backend.kept(),
                    backend.log());
        } else {
            context = new ServerContext(config, io, connections, rooms, backend.fanout(), backend.fanout(), clock,
                    backend.kept(), backend.log());
        }
        GatewaySessions listener = new GatewaySessions(context, new PacketRouter(context), sessions, url);
        LOG.log(Level.INFO, "event=gateway_node_started management_url={0}", url);
        // Checked once per sweep period, like the API Gateway path's rotation in the heartbeat sweep.
        SessionRotation rotation = new SessionRotation(sessions, config.maxConnectionAgeMs());
        long timer = vertx.setPeriodic(config.sweepPeriodMs(), id -> rotation.run(clock.millis()));
        return new GatewayNode(context, sessions, listener, managementApi, url, vertx, timer);
    }

    /** What the Engine.IO server calls on open, message and close. */
    public EngineListener listener() {
        return listener;
    }

    public SessionDirectory sessions() {
        return sessions;
    }

    public ServerContext context() {
        return context;
    }

    /** The base URL stored as the endpoint of this node's sessions. */
    public String managementUrl() {
        return managementUrl;
    }

    /** Mounts the engine's forwarded-request route on the private listener (see {@link PrivateManagementApi}). */
    public void serveEngine(Handler<HttpServerRequest> route) {
        managementApi.serveEngine(route);
    }

    public int managementPort() {
        return managementApi.port();
    }

    /** Emits from outside any handler, within one tenant. */
    public Emitter emitter(String tenant) {
        return new StoreEmitter(context, tenant);
    }

    /** Stops rotation and the private Management API; sessions still open are the engine's to close. */
    @Override
    public void close() {
        vertx.cancelTimer(rotationTimer);
        listener.close();
        managementApi.close();
    }
}
