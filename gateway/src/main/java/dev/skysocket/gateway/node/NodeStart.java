package dev.skysocket.gateway.node;

import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.auth.AnonymousAuthorizer;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.management.ManagementListener;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.server.DeclaredServer;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a {@link GatewayNode} starts with ({@link GatewayNode#with}). Unless set: no inbound limits, the system
 * clock, and every session anonymous in the config's default tenant, as tests of other parts want them; the
 * fallback gateway sets the deployment's limits and authorizer.
 */
public final class NodeStart {
    final SkysocketConfig config;
    final NodeSettings settings;
    final DeclaredServer io;
    final DynamoDbClient dynamo;
    final ManagementApiClients clients;
    final ManagementListener managementApi;
    InboundLimits limits = InboundLimits.OFF;
    Clock clock = Clock.systemUTC();
    ConnectAuthorizer authorizer;

    NodeStart(SkysocketConfig config, NodeSettings settings, DeclaredServer io, DynamoDbClient dynamo,
              ManagementApiClients clients, ManagementListener managementApi) {
        this.config = config;
        this.settings = settings;
        this.io = io;
        this.dynamo = dynamo;
        this.clients = clients;
        this.managementApi = managementApi;
        this.authorizer = new AnonymousAuthorizer(config.defaultTenant());
    }

    /**
     * The tenant quota of {@code limits} is counted in the store (a sample of the events, off their path); the
     * per-session rate limit is the engine's ({@code EngineOptions#withInbound}).
     */
    public NodeStart limits(InboundLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        return this;
    }

    public NodeStart clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Decides each handshake's identity, as on API Gateway. */
    public NodeStart authorizer(ConnectAuthorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer);
        return this;
    }

    /** Starts the node (see {@link GatewayNode#with}). */
    public GatewayNode start() {
        return GatewayNode.start(this);
    }
}
