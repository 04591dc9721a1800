package dev.skysocket.apigw;

import dev.skysocket.runtime.AwsClients;
import dev.skysocket.runtime.DynamoBackend;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.fanout.ManagementApiFanout;
import dev.skysocket.limits.ConnectionRate;
import dev.skysocket.limits.Draw;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.api.Emitter;
import dev.skysocket.server.StoreEmitter;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.server.ServerContext;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.SweepRuns;
import dev.skysocket.store.dynamodb.DynamoConnectionStore;
import dev.skysocket.store.dynamodb.DynamoSweepRuns;
import java.time.Clock;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API Gateway path wired once per process: the stores, the fan-out, the Socket.IO layer and the routes.
 * Lambda handlers and the local emulator both call these same objects, so local and AWS run one code path.
 */
public final class ApiGatewayRuntime implements AutoCloseable {
    /** How long the open step keeps retrying a 410; well inside socket.io-client's 20 s connect timeout. */
    public static final long OPEN_DEADLINE_MS = 10_000;
    /** How long a run of the open step holds its claim: OpenFunction's Timeout in template.yaml, a whole run. */
    public static final long OPEN_LEASE_MS = 15_000;
    /** The Management API base URL override; unset, the URL is built from each event's API id and Region. */
    public static final String MANAGEMENT_ENDPOINT = "skysocket.management-endpoint";

    private final ServerContext context;
    private final ConnectRoute connect;
    private final MessageRoute message;
    private final DisconnectRoute disconnect;
    private final OpenPacketStep openStep;
    private final HeartbeatSweep heartbeat;
    private final SweepRuns sweepRuns;
    private final ManagementApiClients managementClients;
    private final SkysocketConfig config;
    private final Clock clock;

    /**
     * @param invokerFor   how {@code $connect} starts the open step: an async Lambda invocation on AWS, a worker
     *                     thread locally
     * @param callbackUrl  the Management API base URL, or null for AWS's
     *                     {@code https://<api id>.execute-api.<region>.amazonaws.com/<stage>}
     */
    public ApiGatewayRuntime(SkysocketConfig config, DeclaredServer io, DynamoDbClient dynamo,
                             ManagementApiClients managementClients, Function<OpenPacketStep, AsyncInvoker> invokerFor,
                             String callbackUrl, Clock clock) {
        this(config, InboundLimits.OFF, io, dynamo, managementClients, invokerFor, callbackUrl, clock);
    }

    /**
     * @param limits the per-connection rate limit and the tenant quota; each counts a sample of the inbound
     *               messages or events in DynamoDB while on, at most one write in 20 at the defaults
     *               ({@link DynamoBackend#connectionRate}, {@link DynamoBackend#tenantQuota})
     */
    public ApiGatewayRuntime(SkysocketConfig config, InboundLimits limits, DeclaredServer io, DynamoDbClient dynamo,
                             ManagementApiClients managementClients, Function<OpenPacketStep, AsyncInvoker> invokerFor,
                             String callbackUrl, Clock clock) {
        this(config, limits, Draw.RANDOM, io, dynamo, managementClients, invokerFor, callbackUrl, clock);
    }

    /** The same, with the limits' sampled events picked by {@code draw} (tests that count the limits' writes). */
    ApiGatewayRuntime(SkysocketConfig config, InboundLimits limits, Draw draw, DeclaredServer io, DynamoDbClient dynamo,
                      ManagementApiClients managementClients, Function<OpenPacketStep, AsyncInvoker> invokerFor,
                      String callbackUrl, Clock clock) {
        this.managementClients = managementClients;
        this.config = config;
        this.clock = clock;
        DynamoBackend backend = DynamoBackend.create(config, dynamo, managementClients, clock);
        DynamoConnectionStore connections = backend.connections();
        ManagementApiFanout fanout = backend.fanout();
        this.context = backend.context(config, io);
        PacketRouter router = new PacketRouter(context, DynamoBackend.tenantQuota(config, limits, dynamo, draw));
        ConnectionRate rate = DynamoBackend.connectionRate(config, limits, dynamo, draw);
        CallbackEndpoint endpoints = new CallbackEndpoint(callbackUrl, managementClients.region().id());
        this.openStep = new OpenPacketStep(config, connections, fanout, clock, OPEN_DEADLINE_MS, OPEN_LEASE_MS);
        this.connect = new ConnectRoute(config, connections, new IdentityResolver(config.defaultTenant()), endpoints,
                invokerFor.apply(openStep), clock, backend.admission());
        this.message = new MessageRoute(context, connections, router, endpoints, rate);
        this.disconnect = new DisconnectRoute(router, connections);
        this.heartbeat = new HeartbeatSweep(context, connections, router, 500, 40);
        this.sweepRuns = new DynamoSweepRuns(dynamo, config.tableName(), clock);
    }

    /**
     * The runtime of a process, built in one place for the Lambda functions and the local stack: the config, the
     * inbound limits and the callback URL override ({@code skysocket.management-endpoint}) from {@code settings},
     * the clients of {@code aws}, the system clock.
     *
     * @param invokerFor how {@code $connect} starts the open step, as in the constructor
     */
    public static ApiGatewayRuntime fromSettings(Settings settings, DeclaredServer io, AwsClients aws,
                                                 Function<OpenPacketStep, AsyncInvoker> invokerFor) {
        return new ApiGatewayRuntime(SkysocketConfig.from(settings), InboundLimits.from(settings), io, aws.dynamo(),
                aws.management(), invokerFor, callbackUrlSetting(settings), Clock.systemUTC());
    }

    /** Reads the callback URL override from {@code skysocket.management-endpoint}. */
    public static String callbackUrlSetting(Settings settings) {
        return settings.string(MANAGEMENT_ENDPOINT, null);
    }

    public ConnectRoute connect() {
        return connect;
    }

    public MessageRoute message() {
        return message;
    }

    public DisconnectRoute disconnect() {
        return disconnect;
    }

    public OpenPacketStep openStep() {
        return openStep;
    }

    public HeartbeatSweep heartbeat() {
        return heartbeat;
    }

    /**
     * One scheduled invocation's passes of the heartbeat, sleeping for real between them, through the next
     * run's window too until that run starts ({@link SweepPasses#SCHEDULED_RUNS_COVERED}).
     */
    public SweepPasses heartbeatPasses() {
        return heartbeatPasses(Thread::sleep);
    }

    /** As {@link #heartbeatPasses()}, sleeping with {@code sleeper}. */
    public SweepPasses heartbeatPasses(SweepPasses.Sleeper sleeper) {
        return heartbeatPasses(sleeper, SweepPasses.SCHEDULED_RUNS_COVERED);
    }

    /**
     * One invocation's passes over {@code coveredRuns} runs' windows; the look-ahead is a one-item query. Past its
     * own window the invocation hands off to a newer one through the table's sweep-runs item (a local runner
     * whose scheduler never skips covers one window and never reads it).
     */
    public SweepPasses heartbeatPasses(SweepPasses.Sleeper sleeper, int coveredRuns) {
        return new SweepPasses(heartbeat::run, until -> !context.heartbeats().due(until, 1).isEmpty(), clock,
                sleeper, config.sweepPeriodMs(), config.sweepPassPeriodMs(), SweepPasses.DEFAULT_SAFETY_MARGIN_MS,
                coveredRuns, new SweepHandOff(sweepRuns));
    }

    public ServerContext context() {
        return context;
    }

    /** Emits from outside any handler, within one tenant. */
    public Emitter emitter(String tenant) {
        return new StoreEmitter(context, tenant);
    }

    @Override
    public void close() {
        managementClients.close();
    }
}
