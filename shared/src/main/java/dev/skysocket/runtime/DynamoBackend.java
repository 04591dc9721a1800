package dev.skysocket.runtime;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ConnectionControl;
import dev.skysocket.fanout.Fanout;
import dev.skysocket.fanout.GoneRelay;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.fanout.ManagementApiFanout;
import dev.skysocket.server.ConnectionAdmission;
import dev.skysocket.limits.ConnectionRate;
import dev.skysocket.limits.Draw;
import dev.skysocket.limits.EventQuota;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.limits.ProcessConnectionRate;
import dev.skysocket.server.GoneConnections;
import dev.skysocket.server.ServerAcks;
import dev.skysocket.server.ServerContext;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.dynamodb.DynamoAckStore;
import dev.skysocket.store.dynamodb.DynamoBroadcastLog;
import dev.skysocket.store.dynamodb.DynamoConnectionCounts;
import dev.skysocket.store.dynamodb.DynamoConnectionRate;
import dev.skysocket.store.dynamodb.DynamoTenantQuota;
import dev.skysocket.store.dynamodb.DynamoConnectionStore;
import dev.skysocket.store.dynamodb.DynamoRecoveryStore;
import dev.skysocket.store.dynamodb.DynamoRevocationStore;
import dev.skysocket.store.RoomRegistrations;
import dev.skysocket.store.dynamodb.DynamoRoomDirectory;
import dev.skysocket.store.dynamodb.DynamoRoomStore;
import java.time.Clock;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores and the Management API fan-out over one DynamoDB table, wired the same way for every path that
 * serves connections (the API Gateway routes and the Fargate gateway), so both share rooms and prune alike.
 */
public record DynamoBackend(DynamoConnectionStore connections, DynamoRoomStore rooms, ManagementApiFanout fanout,
                            Clock clock, DynamoAckStore answers, DynamoRecoveryStore kept, DynamoBroadcastLog log,
                            ConnectionAdmission admission, DynamoRevocationStore revocations, GoneRelay gone) {

    static final long DIRECTORY_MIN_LIFETIME_MS = 3 * 60 * 60_000L;

    public static DynamoBackend create(SkysocketConfig config, DynamoDbClient dynamo, ManagementApiClients clients,
                                       Clock clock) {
        // Tenant connection counters only when some tenant has a limit: otherwise a connect costs nothing more.
        DynamoConnectionCounts counts = config.quotas().countsConnections() ? new DynamoConnectionCounts(dynamo,
                config.tableName(), config.quotas().counterShards(), clock) : null;
        DynamoConnectionStore connections = new DynamoConnectionStore(dynamo, config.tableName(), config.roomShards(),
                config::expiresAtSeconds, clock, counts);
        DynamoRoomStore rooms = new DynamoRoomStore(dynamo, config.tableName(), config.roomShards(), clock,
                DynamoRoomStore.DEFAULT_PAGE_SIZE, roomDirectory(config, dynamo, clients, clock));
        // A 410 during fan-out removes that recipient's items only (STYLE 9); disconnect handlers run elsewhere.
        // Once a context exists, the removal also ends its presence with "left" (pruneGoneThrough).
        GoneRelay gone = new GoneRelay(recipient -> connections.remove(recipient.connectionId()));
        ManagementApiFanout fanout = new ManagementApiFanout(clients, gone, config.fanoutConcurrency());
        DynamoAckStore answers = new DynamoAckStore(dynamo, config.tableName(), clock);
        // Connection state recovery's stores cost nothing until a namespace turns it on.
        return new DynamoBackend(connections, rooms, fanout, clock, answers,
                new DynamoRecoveryStore(dynamo, config.tableName()), new DynamoBroadcastLog(dynamo, config.tableName()),
                new ConnectionAdmission(config.quotas(), counts),
                new DynamoRevocationStore(dynamo, config.tableName(), clock), gone);
    }

    /**
     * The room directory's registrations of this process (one per endpoint and room, renewed at half their life),
     * or null when {@code skysocket.room-directory} is off (with {@code register}, they exist but no node skips a
     * read). An entry lives at least 3 h and twice a connection's
     * lifetime, so that a membership stored under a registration renewed late still never outlives it.
     */
    private static RoomRegistrations roomDirectory(SkysocketConfig config, DynamoDbClient dynamo,
                                                   ManagementApiClients clients, Clock clock) {
        if (!config.roomDirectory().registers()) {
            return null;
        }
        long lifetimeMs = Math.max(DIRECTORY_MIN_LIFETIME_MS, 2 * config.connectionLifetimeMs());
        return new RoomRegistrations(new DynamoRoomDirectory(dynamo, config.tableName()),
                new RoomNoticeSender(clients), lifetimeMs, clock::millis);
    }

    /** A 410 during fan-out from now on prunes through {@code ctx}, announcing the presence it ends. */
    public void pruneGoneThrough(ServerContext ctx) {
        gone.forwardTo(new GoneConnections(ctx));
    }

    /** The Socket.IO layer's context, delivering through the Management API; acks answered through the store. */
    public ServerContext context(SkysocketConfig config, DeclaredServer io) {
        return context(config, io, fanout, fanout);
    }

    /** The same, with a fan-out in front of the Management API one (e.g. direct delivery to local sessions). */
    public ServerContext context(SkysocketConfig config, DeclaredServer io, Fanout delivery, ConnectionControl control) {
        ServerContext ctx = new ServerContext(config, io, connections, connections, connections, rooms, delivery,
                control, clock, ServerAcks.overStore(answers, clock), kept, log, revocations);
        pruneGoneThrough(ctx);
        return ctx;
    }

    /** The tenant quota of {@code limits}, counted in the table from a sample of the events; unlimited when off. */
    public static EventQuota tenantQuota(SkysocketConfig config, InboundLimits limits, DynamoDbClient dynamo) {
        return tenantQuota(config, limits, dynamo, Draw.RANDOM);
    }

    /** The same, with the sampled events picked by {@code draw} (tests). */
    public static EventQuota tenantQuota(SkysocketConfig config, InboundLimits limits, DynamoDbClient dynamo,
                                         Draw draw) {
        return tenantQuota(config, limits, dynamo, draw, null);
    }

    /**
     * The same, the sampled counts written on {@code counting} so the events they count do not wait for them
     * (a long-lived process; {@link DynamoTenantQuota}); null writes them before the event is admitted.
     */
    public static EventQuota tenantQuota(SkysocketConfig config, InboundLimits limits, DynamoDbClient dynamo,
                                         Draw draw, Executor counting) {
        return limits.limitsTenants()
                ? new DynamoTenantQuota(dynamo, config.tableName(), limits.tenantPerSecond(), draw, counting)
                : EventQuota.UNLIMITED;
    }

    /**
     * The per-connection rate limit of {@code limits} where any process may handle a connection's next event (the
     * API Gateway path): in this process's memory first, then counted in the table from a sample of the messages
     * the process admits; unlimited when off.
     */
    public static ConnectionRate connectionRate(SkysocketConfig config, InboundLimits limits, DynamoDbClient dynamo) {
        return connectionRate(config, limits, dynamo, Draw.RANDOM);
    }

    /** The same, with the sampled messages picked by {@code draw} (tests). */
    public static ConnectionRate connectionRate(SkysocketConfig config, InboundLimits limits, DynamoDbClient dynamo,
                                                Draw draw) {
        return limits.limitsConnections()
                ? new ProcessConnectionRate(limits.burst(), limits.perSecond(), new DynamoConnectionRate(dynamo,
                        config.tableName(), limits.burst(), limits.perSecond(), draw))
                : ConnectionRate.UNLIMITED;
    }
}
