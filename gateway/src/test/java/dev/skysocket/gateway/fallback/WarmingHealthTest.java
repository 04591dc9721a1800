package dev.skysocket.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.Settings;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A gateway that primes itself first answers {@code /health} with 503 "warming up" until priming is over, so the
 * ALB sends it clients only then, while priming's own sessions get through its listener; a gateway started
 * without priming is healthy at once.
 */
class WarmingHealthTest {
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DynamoDbClient dynamo = DynamoDbLocalServer.client();
    private final String table = DynamoDbLocalServer.freshTable(dynamo, "warming");
    private final Settings settings = Settings.of(Map.of("skysocket.table", table, "skysocket.gateway-port", "0",
            "skysocket.gateway-management-port", "0", "skysocket.gateway-priming-ms", "500"));
    private FallbackGateway gateway;

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        dynamo.close();
    }

    @Test
    void healthWaitsForPrimingAndFollowsTheStoreAfter() throws Exception {
        gateway = FallbackGateway.start(settings, DeclaredServer.configuredBy(io -> io.of("/")), dynamo, CLIENTS,
                Map.of(), true);

        HttpResponse<String> before = health();
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).contains(WarmingGate.WARMING);

        assertThat(Priming.runIfEnabled(gateway, settings))
                .hasValueSatisfying(result -> assertThat(result.frames()).isPositive());
        gateway.warmed();

        await().atMost(Duration.ofSeconds(10)).until(() -> health().statusCode() == 200);
    }

    @Test
    void aGatewayStartedWithoutPrimingIsHealthyAtOnce() throws Exception {
        gateway = FallbackGateway.start(settings, DeclaredServer.configuredBy(io -> io.of("/")), dynamo, CLIENTS);

        await().atMost(Duration.ofSeconds(10)).until(() -> health().statusCode() == 200);
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
