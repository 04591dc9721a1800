package dev.skysocket.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.testing.ManagementApiStub;
import dev.skysocket.tracing.CallTracer;
import dev.skysocket.tracing.TracedCall;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * The fan-out's signed posts bypass the SDK client, so they are traced one by one through the tracer the clients
 * were built with: one call per attempt, ended with the status that came back, on the stub over loopback.
 */
class TracedFramePosterTest {
    private static final StaticCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));

    record Ended(String service, String operation, int status, Throwable error) {
    }

    private final Queue<Ended> ended = new ConcurrentLinkedQueue<>();
    private final CallTracer recording = new CallTracer() {
        @Override
        public List<ExecutionInterceptor> sdkInterceptors() {
            return List.of();
        }

        @Override
        public TracedCall start(String service, String operation) {
            return (status, error) -> ended.add(new Ended(service, operation, status, error));
        }
    };

    @Test
    void everyPostAttemptIsOneTracedCallWithItsStatus() {
        try (ManagementApiStub stub = ManagementApiStub.start();
             ManagementApiClients clients = new ManagementApiClients(Region.US_EAST_1, DUMMY, 4,
                     Duration.ofSeconds(10), recording)) {
            stub.markGone("left");
            stub.failNext("busy", 500, 1);
            ManagementApiFanout fanout = new ManagementApiFanout(clients, gone -> { }, 4);
            FanoutReport report = fanout.deliver(List.of("42[\"hi\"]"),
                    List.of(stub.recipient("here"), stub.recipient("left"), stub.recipient("busy")));
            assertThat(report.delivered()).isEqualTo(2);

            // here 200, left 410, busy 500 then 200 on its retry: four attempts, four calls.
            await().atMost(Duration.ofSeconds(10)).until(() -> ended.size() == 4);
            assertThat(ended).allSatisfy(call -> {
                assertThat(call.service()).isEqualTo("ApiGatewayManagementApi");
                assertThat(call.operation()).isEqualTo("PostToConnection");
            });
            assertThat(ended).extracting(Ended::status).containsExactlyInAnyOrder(200, 200, 410, 500);
            assertThat(ended).filteredOn(call -> call.status() == 200).allSatisfy(call ->
                    assertThat(call.error()).isNull());
            assertThat(ended).filteredOn(call -> call.status() >= 400).allSatisfy(call ->
                    assertThat(call.error()).isNotNull());
        }
    }

    @Test
    void aPostThatGetsNoAnswerEndsItsCallWithoutAStatus() {
        try (ManagementApiClients clients = new ManagementApiClients(Region.US_EAST_1, DUMMY, 4,
                Duration.ofSeconds(10), recording)) {
            clients.primePost("http://127.0.0.1:9/priming");  // the discard port: refused at once
            await().atMost(Duration.ofSeconds(10)).until(() -> ended.size() == 1);
            assertThat(ended.peek().status()).isZero();
            assertThat(ended.peek().error()).isNotNull();
        }
    }
}
