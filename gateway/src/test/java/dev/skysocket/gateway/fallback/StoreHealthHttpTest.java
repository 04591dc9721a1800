package dev.skysocket.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.gateway.http.EngineHttpServer;
import dev.skysocket.gateway.http.EngineHttpSettings;
import dev.skysocket.runtime.AwsClients;
import dev.skysocket.store.dynamodb.TableBootstrap;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code /health} follows the store: 503 with a reason while nothing answers on the store's port, 200 once
 * DynamoDB Local serves the table there, 503 again when it stops. The node's own client (its limits included)
 * runs the probe, over loopback HTTP.
 */
class StoreHealthHttpTest {
    private static final String TABLE = "health-probe-test";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DynamoDBProxyServer dynamoLocal;
    private DynamoDbClient dynamo;
    private StoreProbe probe;
    private EngineServer engine;
    private EngineHttpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (probe != null) {
            probe.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        stopStore();
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void startStore(int port) throws Exception {
        dynamoLocal = ServerRunner.createServerFromCommandLineArgs(new String[]{
                "-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
        dynamoLocal.start();
        TableBootstrap.ensureTable(dynamo, TABLE);
    }

    private void stopStore() throws Exception {
        if (dynamoLocal != null) {
            dynamoLocal.stop();
            dynamoLocal = null;
        }
    }

    @Test
    void healthIsUnavailableWhileTheStoreIsUnreachableAndOkOnceItServes() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again: nothing listens there until the store starts
        }
        dynamo = AwsClients.dynamo(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                URI.create("http://127.0.0.1:" + port));
        probe = new StoreProbe(dynamo, TABLE, Duration.ofMillis(1_000), Duration.ofMillis(200));
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), new RecordingListener());
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).withHealthProbe(probe)
                .start();

        HttpResponse<String> down = health();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"unavailable\",\"reason\":\"store unreachable\"}");

        startStore(port);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> health().statusCode() == 200);
        assertThat(health().body()).isEqualTo("{\"status\":\"ok\"}");

        stopStore();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> health().statusCode() == 503);
    }
}
