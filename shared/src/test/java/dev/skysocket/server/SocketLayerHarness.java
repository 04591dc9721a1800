package dev.skysocket.server;

import dev.skysocket.api.SocketApp;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.testing.ApiGatewayEvents;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Socket.IO layer behind the API Gateway routes, against DynamoDB Local and a loopback Management API: a test
 * sends the frames a client would and reads what was posted back.
 */
final class SocketLayerHarness implements AutoCloseable {
    /** Shared by every harness: closing Netty's event loops takes seconds, and the JVM's exit ends them. */
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));

    final ManagementApiStub api = ManagementApiStub.start();
    final DynamoDbClient dynamo;
    final ApiGatewayRuntime runtime;

    SocketLayerHarness(SocketApp app) {
        this(app, Map.of());
    }

    /** With interceptors on the DynamoDB client, e.g. one that records the calls. */
    SocketLayerHarness(SocketApp app, ExecutionInterceptor... interceptors) {
        this(app, Map.of(), interceptors);
    }

    /** With settings added to the table's, and interceptors on the DynamoDB client. */
    SocketLayerHarness(SocketApp app, Map<String, String> extra, ExecutionInterceptor... interceptors) {
        dynamo = DynamoDbLocalServer.client(interceptors);
        Map<String, String> settings = new HashMap<>(Map.of(
                "skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "sockets")));
        settings.putAll(extra);
        SkysocketConfig config = SkysocketConfig.from(Settings.of(settings));
        runtime = new ApiGatewayRuntime(config, DeclaredServer.configuredBy(app), dynamo, CLIENTS,
                step -> request -> {
                    try {
                        step.run(request);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, api.endpoint(), Clock.systemUTC());
    }

    /** A new connection with these upgrade headers; the open packet is posted before this returns. */
    String connect(Map<String, String> headers) {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        Map<String, String> query = Map.of("EIO", "4", "transport", "websocket", "room", "a b");
        int status = runtime.connect().handle(ApiGatewayEvents.event(id, "$connect", "CONNECT", null, query, headers))
                .getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("refused: " + status);
        }
        return id;
    }

    /** A connection that joined {@code namespace}. */
    String joined(String namespace) {
        String id = connect(Map.of());
        send(id, namespace.equals("/") ? "40" : "40" + namespace + ",");
        return id;
    }

    void send(String connectionId, String frame) {
        runtime.message().handle(ApiGatewayEvents.event(connectionId, "$default", "MESSAGE", frame, null, null));
    }

    void disconnect(String connectionId) {
        runtime.disconnect().handle(ApiGatewayEvents.event(connectionId, "$disconnect", "DISCONNECT", null, null,
                null));
    }

    /** Frames posted to the connection, the open packet first. */
    List<String> posts(String connectionId) {
        return api.postsTo(connectionId);
    }

    @Override
    public void close() {
        dynamo.close();
        api.close();
    }
}
