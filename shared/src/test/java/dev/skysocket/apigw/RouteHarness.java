package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.limits.Draw;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.api.SocketApp;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.testing.ApiGatewayEvents;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API Gateway path wired as in Lambda, against DynamoDB Local and a loopback Management API; events are
 * built the way API Gateway fills them. The open step runs inline, as soon as $connect asks for it.
 */
final class RouteHarness implements AutoCloseable {
    /** Shared by every harness: closing Netty's event loops takes seconds, and the JVM's exit ends them. */
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));

    final ManagementApiStub api = ManagementApiStub.start();
    final DynamoDbClient dynamo;
    final MutableClock clock = new MutableClock();
    final SkysocketConfig config;
    final ApiGatewayRuntime runtime;

    RouteHarness(SocketApp app, Map<String, String> settings) {
        this(app, settings, DynamoDbLocalServer.client(), Draw.RANDOM);
    }

    /**
     * @param dynamo the client every route uses (one with an interceptor, to count its calls)
     * @param draw   picks the events the inbound limits write (a seeded one repeats its figures)
     */
    RouteHarness(SocketApp app, Map<String, String> settings, DynamoDbClient dynamo, Draw draw) {
        this.dynamo = dynamo;
        Map<String, String> all = new HashMap<>(Map.of(
                "skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "routes"),
                "skysocket.ping-interval-ms", "25000",
                "skysocket.ping-timeout-ms", "20000",
                "skysocket.sweep-period-ms", "5000"));
        all.putAll(settings);
        config = SkysocketConfig.from(Settings.of(all));
        // Inbound limits only where a test names them: the others count store calls without the limits' writes.
        boolean limited = all.keySet().stream().anyMatch(name -> name.startsWith("skysocket.rate-limit-")
                || name.equals(InboundLimits.TENANT_PER_SECOND));
        InboundLimits limits = limited ? InboundLimits.from(Settings.of(all)) : InboundLimits.OFF;
        runtime = new ApiGatewayRuntime(config, limits, draw, DeclaredServer.configuredBy(app), dynamo, CLIENTS,
                step -> request -> {
                    try {
                        step.run(request);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, api.endpoint(), clock);
    }

    /** Another process of the same deployment (a second Lambda instance): same table, Management API and clock. */
    ApiGatewayRuntime anotherInstance(SocketApp app, InboundLimits limits) {
        return new ApiGatewayRuntime(config, limits, DeclaredServer.configuredBy(app), dynamo, CLIENTS,
                step -> request -> { }, api.endpoint(), clock);
    }

    String connect() {
        return connect(Map.of("EIO", "4", "transport", "websocket", "b64", "1"), Map.of());
    }

    String connect(Map<String, String> query, Map<String, String> headers) {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        APIGatewayV2WebSocketResponse response = runtime.connect().handle(event(id, "$connect", "CONNECT", null,
                query, headers));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("refused: " + response.getStatusCode());
        }
        return id;
    }

    int connectStatus(Map<String, String> query, Map<String, String> headers) {
        return runtime.connect().handle(event("c" + UUID.randomUUID(), "$connect", "CONNECT", null, query, headers))
                .getStatusCode();
    }

    void send(String connectionId, String frame) {
        runtime.message().handle(event(connectionId, "$default", "MESSAGE", frame, null, null));
    }

    void disconnect(String connectionId) {
        runtime.disconnect().handle(event(connectionId, "$disconnect", "DISCONNECT", null, null, null));
    }

    /** Frames posted to the connection, the open packet first. */
    List<String> posts(String connectionId) {
        return api.postsTo(connectionId);
    }

    boolean closedByServer(String connectionId) {
        return api.requestsFor(connectionId).stream().anyMatch(r -> r.method().equals("DELETE"));
    }

    boolean stored(String connectionId) {
        return runtime.context().connections().find(connectionId).isPresent();
    }

    static APIGatewayV2WebSocketEvent event(String connectionId, String routeKey, String eventType, String body,
                                            Map<String, String> query, Map<String, String> headers) {
        return ApiGatewayEvents.event(connectionId, routeKey, eventType, body, query, headers);
    }

    @Override
    public void close() {
        dynamo.close();
        api.close();
    }
}
