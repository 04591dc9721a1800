package dev.skysocket.gateway.node;

import dev.skysocket.runtime.DynamoBackend;
import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.engine.EngineListener;
import dev.skysocket.gateway.management.ManagementListener;
import dev.skysocket.limits.Draw;
import dev.skysocket.limits.EventQuota;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.api.Emitter;
import dev.skysocket.server.StoreEmitter;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.server.ServerAcks;
import dev.skysocket.server.ServerContext;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.HeartbeatStore;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One gateway node: the same stores, fan-out and Socket.IO layer as the API Gateway path (through
 * {@link DynamoBackend}), this node's sessions, the {@link EngineListener} the Engine.IO server calls, and the
 * private Management API that lets any node or Lambda reach those sessions (a {@link ManagementListener} the HTTP
 * binding provides; this node starts and closes it). The caller owns the DynamoDB client and the Management API
 * clients, and closes them after this node.
 */
public final class GatewayNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GatewayNode.class.getName());

    private final ServerContext context;
    private final SessionDirectory sessions;
    private final GatewaySessions listener;
    private final EngineListener logged;
    private final ManagementListener managementApi;
    private final String managementUrl;
    private final ScheduledExecutorService rotationTimer;
    private final MembershipRefresh refresh;
    private final ExecutorService quotaCounts;

    private GatewayNode(ServerContext context, SessionDirectory sessions, GatewaySessions listener,
                        ManagementListener managementApi, String managementUrl,
                        ScheduledExecutorService rotationTimer, MembershipRefresh refresh,
                        ExecutorService quotaCounts) {
        this.quotaCounts = quotaCounts;
        this.rotationTimer = rotationTimer;
        this.refresh = refresh;
        this.context = context;
        this.sessions = sessions;
        this.listener = listener;
        this.logged = new SessionLogContext(listener);
        this.managementApi = managementApi;
        this.managementUrl = managementUrl;
    }

    /**
     * What the node starts with; {@link NodeStart#start()} starts {@code managementApi} (bound as {@code settings}
     * say) first: the endpoint stored on sessions must answer before any opens. The tenant quota of the limits is
     * counted in the store (a sample of the events, one write in 20 at the default, off the event's path:
     * {@link QuotaCounting}); the per-session rate limit is
     * the engine's ({@code EngineOptions#withInbound}).
     */
    public static NodeStart with(SkysocketConfig config, NodeSettings settings, DeclaredServer io,
                                 DynamoDbClient dynamo, ManagementApiClients clients,
                                 ManagementListener managementApi) {
        return new NodeStart(config, settings, io, dynamo, clients, managementApi);
    }

    static GatewayNode start(NodeStart start) {
        SkysocketConfig config = start.config;
        InboundLimits limits = start.limits;
        NodeSettings settings = start.settings;
        DeclaredServer io = start.io;
        DynamoDbClient dynamo = start.dynamo;
        ManagementApiClients clients = start.clients;
        ManagementListener managementApi = start.managementApi;
        Clock clock = start.clock;
        ConnectAuthorizer authorizer = start.authorizer;
        SessionDirectory sessions = new SessionDirectory();
        SessionTargets targets = new SessionTargets(sessions);
        int port = managementApi.start(targets);
        String url = settings.urlFor(port);
        DynamoBackend backend = DynamoBackend.create(config, dynamo, clients, clock);
        // This node's own memberships live in memory too: a broadcast reads only the other endpoints' from DynamoDB.
        LocalRooms localRooms = new LocalRooms(url);
        MembershipRefresh refresh = new MembershipRefresh(backend.connections(), backend.connections(), localRooms);
        targets.refreshWith(refresh::refresh);
        ConnectionStore connections = new IndexedConnectionStore(backend.connections(), localRooms);
        SocketStore sockets = new IndexedSocketStore(backend.connections(), localRooms);
        HeartbeatStore heartbeats = backend.connections();
        // With the room directory on, a room held only here is answered without any read, and notices reach it.
        RoomStore rooms = new IndexedRoomStore(backend.rooms(), localRooms,
                config.roomDirectory().skipsReads() ? backend.rooms().directory() : null);
        targets.roomNoticesTo(backend.rooms().directory());
        ServerContext context;
        // This node's sessions answer its acks in memory; other nodes' sockets answer through the store.
        ServerAcks acks = ServerAcks.holdingSessions(backend.answers(), clock);
        if (settings.localDelivery()) {
            LocalDelivery delivery = new LocalDelivery(sessions, url, backend.fanout(), backend.gone());
            context = new ServerContext(config, io, connections, sockets, heartbeats, rooms, delivery, delivery, clock,
                    acks, backend.kept(), backend.log(), backend.revocations());
        } else {
            context = new ServerContext(config, io, connections, sockets, heartbeats, rooms, backend.fanout(),
                    backend.fanout(), clock, acks, backend.kept(), backend.log(), backend.revocations());
        }
        backend.pruneGoneThrough(context); // a gone connection's presence ends with "left", as on a disconnect
        ExecutorService quotaCounts = QuotaCounting.start();
        EventQuota quota = DynamoBackend.tenantQuota(config, limits, dynamo, Draw.RANDOM, quotaCounts);
        // The session's read is held between its events: only this node handles them (ReadScope#withHeldRead).
        GatewaySessions listener = new GatewaySessions(context, backend.connections(),
                new PacketRouter(context, quota), sessions, url, authorizer, backend.admission());
        LOG.log(Level.INFO, "event=gateway_node_started management_url={0}", url);
        // Checked once per sweep period, like the API Gateway path's rotation in the heartbeat sweep.
        SessionRotation rotation = new SessionRotation(sessions, config.maxConnectionAgeMs());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "skysocket-session-rotation");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> rotate(rotation, clock), config.sweepPeriodMs(), config.sweepPeriodMs(),
                TimeUnit.MILLISECONDS);
        return new GatewayNode(context, sessions, listener, managementApi, url, timer, refresh, quotaCounts);
    }

    /** A failed pass must not cancel the later ones (a scheduled task that throws is never run again). */
    private static void rotate(SessionRotation rotation, Clock clock) {
        try {
            rotation.run(clock.millis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=session_rotation_failed error={0}", e.getClass().getName());
        }
    }

    /** What the Engine.IO server calls on open, message and close. */
    public EngineListener listener() {
        return logged;
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
        rotationTimer.shutdownNow();
        quotaCounts.shutdown(); // the counts still queued are written; the counters are approximate anyway
        refresh.close();
        listener.close();
        managementApi.close();
    }
}
