package dev.skysocket.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.RecordingSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client every path uses makes exactly {@link AwsClients#DYNAMO_ATTEMPTS} calls for a fault that
 * keeps coming, and one for a fault no retry helps. DynamoDB Local cannot throttle or fail with 500, so a stub on
 * loopback answers every request with the fault, as DynamoDB's JSON protocol spells it.
 */
class AwsClientsRetryTest {
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer stub;

    private DynamoDbClient clientAnswering(int status, String errorType) throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\"stub\"}")
                .getBytes(StandardCharsets.UTF_8);
        stub.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        return AwsClients.dynamo(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                URI.create("http://127.0.0.1:" + stub.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void throttlingIsTriedTheStatedNumberOfTimesInAll() throws IOException {
        try (DynamoDbClient client = clientAnswering(400, "ThrottlingException")) {
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("t")))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.isThrottlingException()).isTrue());
        }
        assertThat(calls).hasValue(AwsClients.DYNAMO_ATTEMPTS);
    }

    @Test
    void everyThrottledAttemptCountsAsAStoreThrottle() throws IOException {
        try (RecordingSink metrics = RecordingSink.install();
             DynamoDbClient client = clientAnswering(400, "ProvisionedThroughputExceededException")) {
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("t")))
                    .isInstanceOf(AwsServiceException.class);
            assertThat(metrics.sum(Metric.STORE_THROTTLES)).isEqualTo(AwsClients.DYNAMO_ATTEMPTS);
        }
        stub.stop(0);
        try (RecordingSink metrics = RecordingSink.install();
             DynamoDbClient client = clientAnswering(500, "InternalServerError")) {
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("t")))
                    .isInstanceOf(AwsServiceException.class);
            assertThat(metrics.sum(Metric.STORE_THROTTLES)).isZero();
        }
    }

    @Test
    void aServerErrorIsTriedTheStatedNumberOfTimesInAll() throws IOException {
        try (DynamoDbClient client = clientAnswering(500, "InternalServerError")) {
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("t")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        }
        assertThat(calls).hasValue(AwsClients.DYNAMO_ATTEMPTS);
    }

    @Test
    void aValidationErrorIsNotRetried() throws IOException {
        try (DynamoDbClient client = clientAnswering(400, "ValidationException")) {
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("t")))
                    .isInstanceOf(AwsServiceException.class);
        }
        assertThat(calls).hasValue(1);
    }
}
