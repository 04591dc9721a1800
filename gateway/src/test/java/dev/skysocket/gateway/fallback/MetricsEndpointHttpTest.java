package dev.skysocket.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.Settings;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.metrics.PrometheusText;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /metrics} answers Prometheus text on the private management port, with the counts of a client's
 * session and event; the public port has no such path.
 */
class MetricsEndpointHttpTest {
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static DynamoDbClient dynamo;
    private static FallbackGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocalServer.client();
        Settings settings = Settings.of(Map.of(
                "skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "metrics"),
                "skysocket.gateway-port", "0",
                "skysocket.gateway-management-port", "0"));
        gateway = FallbackGateway.start(settings, DeclaredServer.configuredBy(io -> io.of("/")
                .on("echo", (socket, args, ack) -> ack.send(args.get(0)))), dynamo, CLIENTS);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        dynamo.close();
    }

    @Test
    void thePrivatePortServesTheTotalsAndTheyCountAClientsSessionAndEvent() throws Exception {
        Map<String, Double> before = scrape();
        String polling = "http://127.0.0.1:" + gateway.port() + "/socket.io/?EIO=4&transport=polling";
        String sid = send("GET", polling, null).body().replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        assertThat(send("POST", polling + "&sid=" + sid, "40").statusCode()).isEqualTo(200);
        assertThat(send("POST", polling + "&sid=" + sid, "421[\"echo\",\"x\"]").statusCode()).isEqualTo(200);

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Double> after = scrape();
            assertThat(delta(before, after, "skysocket_connections_opened_total")).isEqualTo(1);
            assertThat(delta(before, after, "skysocket_events_in_total")).isEqualTo(1);
        });
    }

    @Test
    void thePublicPortHasNoMetrics() throws Exception {
        HttpResponse<String> response = send("GET", "http://127.0.0.1:" + gateway.port() + "/metrics", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("skysocket_");
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        assertThat(send("POST", metricsUrl(), "x").statusCode()).isEqualTo(405);
    }

    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = send("GET", metricsUrl(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusText.parse(response.body());
    }

    private static String metricsUrl() {
        URI management = URI.create(gateway.managementUrl());
        return "http://127.0.0.1:" + management.getPort() + "/metrics";
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.get(name) - before.get(name);
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "text/plain;charset=UTF-8");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
