package dev.skysocket.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store never sees more calls at once than the limit, a call waiting too long for a slot fails, and a store
 * that never answers fails the call at its deadline instead of holding the thread. A loopback stub holds every
 * request until released: DynamoDB Local cannot be made to hang on purpose.
 */
class DynamoLimitsTest {
    private final AtomicInteger inStub = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private HttpServer stub;

    private DynamoDbClient clientOfHangingStub(DynamoLimits limits) throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.setExecutor(Executors.newFixedThreadPool(16));
        stub.createContext("/", exchange -> {
            peak.accumulateAndGet(inStub.incrementAndGet(), Math::max);
            try {
                exchange.getRequestBody().readAllBytes();
                release.await(30, TimeUnit.SECONDS);
                byte[] body = "{\"Table\":{\"TableName\":\"t\"}}".getBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inStub.decrementAndGet();
                exchange.close();
            }
        });
        stub.start();
        return AwsClients.dynamo(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                URI.create("http://127.0.0.1:" + stub.getAddress().getPort()), limits);
    }

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void noMoreCallsReachTheStoreThanTheLimit() throws Exception {
        DynamoLimits limits = new DynamoLimits(2, Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ofSeconds(25));
        try (DynamoDbClient client = clientOfHangingStub(limits)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> client.describeTable(b -> b.tableName("t"))));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> inStub.get() == 2);
            release.countDown();
            for (Future<?> call : calls) {
                call.get(20, TimeUnit.SECONDS);
            }
        }
        assertThat(peak).hasValue(2);
    }

    @Test
    void aCallFindingNoFreeSlotFailsAfterTheAcquireTimeout() throws Exception {
        DynamoLimits limits = new DynamoLimits(1, Duration.ofMillis(200), Duration.ofSeconds(20),
                Duration.ofSeconds(25));
        try (DynamoDbClient client = clientOfHangingStub(limits)) {
            callers.submit(() -> client.describeTable(b -> b.tableName("t")));
            await().atMost(Duration.ofSeconds(10)).until(() -> inStub.get() == 1);
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("t")))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("slots busy");
            assertThat(peak).hasValue(1);
        }
    }

    @Test
    void aStoreThatNeverAnswersFailsTheCallAndFreesItsSlot() throws Exception {
        DynamoLimits limits = new DynamoLimits(1, Duration.ofSeconds(5), Duration.ofMillis(300),
                Duration.ofMillis(1_000));
        try (DynamoDbClient client = clientOfHangingStub(limits)) {
            Future<?> first = callers.submit(() -> client.describeTable(b -> b.tableName("t")));
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SdkClientException.class);
            // Its slot is free again: a second call is tried on the store, not refused for want of a slot.
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("t")))
                    .isInstanceOf(SdkClientException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("slots busy"));
        }
    }
}
