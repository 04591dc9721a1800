package dev.skysocket.gateway.node;

import dev.skysocket.testing.ApiGatewayEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.dynamodb.DynamoConnectionStore;
import dev.skysocket.store.dynamodb.DynamoRoomStore;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import java.time.Clock;
import java.time.Duration;
import dev.skysocket.api.auth.ConnectAuthorizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A gateway node on loopback against DynamoDB Local, plus the API Gateway path on the same table whose
 * connections are reached through a {@link ManagementApiStub}, so rooms can hold both kinds of connection.
 */
final class NodeHarness implements AutoCloseable {
    /** Shared by every harness: closing Netty's event loops takes seconds, and the JVM's exit ends them. */
    static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));
    static final String ORIGIN = "https://app.example";

    final RoomApp app = new RoomApp();
    final DynamoDbClient dynamo;
    final ManagementApiStub apiGateway = ManagementApiStub.start();
    final SkysocketConfig config;
    final GatewayNode node;
    final ApiGatewayRuntime apigw;

    NodeHarness() {
        this(false);
    }

    NodeHarness(boolean localDelivery) {
        this(localDelivery, DynamoDbLocalServer.client());
    }

    /** A node whose store calls go through {@code dynamo} (e.g. a client with a fault-injecting interceptor). */
    NodeHarness(boolean localDelivery, DynamoDbClient dynamo) {
        this(localDelivery, dynamo, Map.of());
    }

    /** A node with these settings on top of the harness's own (table, allowed origin). */
    NodeHarness(Map<String, String> settings) {
        this(false, DynamoDbLocalServer.client(), settings);
    }

    /** A node whose handshakes {@code authorizer} decides, as a deployment's ConnectAuthorizer would. */
    NodeHarness(ConnectAuthorizer authorizer) {
        this(false, DynamoDbLocalServer.client(), Map.of(), authorizer);
    }

    /** A node with these settings whose handshakes {@code authorizer} decides. */
    NodeHarness(Map<String, String> settings, ConnectAuthorizer authorizer) {
        this(false, DynamoDbLocalServer.client(), settings, authorizer);
    }

    /** A node with these settings whose store calls go through {@code dynamo}. */
    NodeHarness(boolean localDelivery, DynamoDbClient dynamo, Map<String, String> settings) {
        this(localDelivery, dynamo, settings, null, InboundLimits.OFF);
    }

    /** A node with local delivery, store calls through {@code dynamo}, and these inbound limits. */
    NodeHarness(DynamoDbClient dynamo, InboundLimits limits) {
        this(true, dynamo, Map.of(), null, limits);
    }

    private NodeHarness(boolean localDelivery, DynamoDbClient dynamo, Map<String, String> settings,
                        ConnectAuthorizer authorizer) {
        this(localDelivery, dynamo, settings, authorizer, InboundLimits.OFF);
    }

    private NodeHarness(boolean localDelivery, DynamoDbClient dynamo, Map<String, String> settings,
                        ConnectAuthorizer authorizer, InboundLimits limits) {
        this.dynamo = dynamo;
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "node"));
        all.put("skysocket.allowed-origins", ORIGIN);
        config = SkysocketConfig.from(Settings.of(all));
        DeclaredServer io = DeclaredServer.configuredBy(app);
        NodeSettings nodeSettings = NodeSettings.loopback().withLocalDelivery(localDelivery);
        PrivateManagementApi managementApi = new PrivateManagementApi(FallbackGateway.listenerSettings(nodeSettings));
        NodeStart start = GatewayNode.with(config, nodeSettings, io, dynamo, CLIENTS, managementApi).limits(limits);
        node = (authorizer == null ? start : start.authorizer(authorizer)).start();
        apigw = new ApiGatewayRuntime(config, io, dynamo, CLIENTS, step -> request -> {
            try {
                step.run(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, apiGateway.endpoint(), Clock.systemUTC());
    }

    /** A gateway session through the engine's contract: opened, then registered and stored. */
    FakeSession open() throws HandshakeRefused {
        FakeSession session = new FakeSession();
        node.listener().onOpen(session);
        return session;
    }

    /** The table's connections as any other writer sees them, past this node's index. */
    DynamoConnectionStore storeConnections() {
        return new DynamoConnectionStore(dynamo, config, config.roomShards());
    }

    /** The table's rooms as any other writer sees them, past this node's index. */
    DynamoRoomStore storeRooms() {
        return new DynamoRoomStore(dynamo, config.tableName(), config.roomShards(), Clock.systemUTC());
    }

    /** Every item of the table that names {@code sid} in any attribute (key or value): a Scan, for tests only. */
    List<Map<String, AttributeValue>> itemsNaming(String sid) {
        return dynamo.scanPaginator(r -> r.tableName(config.tableName())).items().stream()
                .filter(item -> item.toString().contains(sid))
                .toList();
    }

    void send(FakeSession session, String socketIoText) {
        node.listener().onMessage(session, new EnginePacket.Message(socketIoText));
    }

    /** An API Gateway connection, opened as $connect would (the open step posts to the stub). */
    String connectThroughApiGateway() {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        int status = apigw.connect().handle(event(id, "$connect", null,
                Map.of("EIO", "4", "transport", "websocket", "b64", "1"), Map.of("Origin", ORIGIN))).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("refused: " + status);
        }
        return id;
    }

    void sendThroughApiGateway(String connectionId, String frame) {
        apigw.message().handle(event(connectionId, "$default", frame, null, null));
    }

    private static APIGatewayV2WebSocketEvent event(String connectionId, String routeKey, String body,
                                                    Map<String, String> query, Map<String, String> headers) {
        String eventType = switch (routeKey) {
            case "$connect" -> "CONNECT";
            case "$disconnect" -> "DISCONNECT";
            default -> "MESSAGE";
        };
        return ApiGatewayEvents.event(connectionId, routeKey, eventType, body, query, headers);
    }

    @Override
    public void close() {
        node.close();
        apiGateway.close();
        dynamo.close();
    }
}
