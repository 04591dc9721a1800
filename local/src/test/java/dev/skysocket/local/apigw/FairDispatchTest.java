package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * One connection's flood does not hold up another connection's messages: each connection waits in its own lane and
 * the lanes take turns at the workers. Here two workers run "flood" invocations that each wait for a permit the
 * test hands out; with a hundred flood messages waiting, another client's message runs after two permits, not
 * after the hundred; and with more workers, one connection takes no more than its share of them. Messages still
 * waiting when the gateway closes their connection are dropped and counted; a client's own close drops nothing.
 */
class FairDispatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final RecordingIntegration integration = new RecordingIntegration();
    /** One permit lets one flood invocation return. */
    private final Semaphore floodReturns = new Semaphore(0);
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        floodReturns.release(10_000);
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start(int backlog) {
        start(2, backlog);
    }

    private void start(int workers, int backlog) {
        integration.on("$default", event -> {
            if (event.path("body").asText().startsWith("flood")
                    && !floodReturns.tryAcquire(30, TimeUnit.SECONDS)) {  // as a function on a slow store
                throw new IllegalStateException("the test never let this flood invocation return");
            }
            return RecordingIntegration.OK;
        });
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings().withIntegrationTimeout(Duration.ofSeconds(29)),
                integration).withInvocationLimits(new InvocationLimits(workers, 1_000, backlog));
        emulator.start();
    }

    private long floodCalls() {
        return integration.calls("$default").stream()
                .filter(call -> call.event().path("body").asText().startsWith("flood")).count();
    }

    private boolean invoked(String body) {
        return integration.calls("$default").stream()
                .anyMatch(call -> call.event().path("body").asText().equals(body));
    }

    /** Sends {@code count} flood messages and waits until both workers run one and the rest are received. */
    private void flood(TestClient flooder, int count) {
        long received = emulator.stats().inboundMessages();
        for (int i = 0; i < count; i++) {
            flooder.send("flood " + i);
        }
        await().atMost(WAIT).until(() -> floodCalls() == 2
                && emulator.stats().inboundMessages() == received + count);
    }

    @Test
    void anotherConnectionsMessageRunsWhileTheFloodStillWaits() {
        start(InvocationLimits.DEFAULT_BACKLOG);
        TestClient flooder = TestClient.connect(emulator.websocketUrl());
        TestClient other = TestClient.connect(emulator.websocketUrl());
        flood(flooder, 100);

        other.send("other");
        await().atMost(WAIT).until(() -> emulator.stats().inboundMessages() == 101);
        floodReturns.release(2);  // two flood invocations return: the lanes' turns give one slot to each

        await().atMost(WAIT).until(() -> invoked("other"));
        assertThat(floodCalls()).as("flood invocations started before the other client's message")
                .isLessThanOrEqualTo(4);

        floodReturns.release(10_000);
        await().atMost(WAIT).until(() -> floodCalls() == 100);
        assertThat(emulator.stats().droppedInvocations()).isZero();
    }

    @Test
    void oneConnectionTakesAtMostAnEighthOfTheWorkers() {
        start(16, InvocationLimits.DEFAULT_BACKLOG);  // 2 of 16 workers per connection
        TestClient flooder = TestClient.connect(emulator.websocketUrl());
        TestClient other = TestClient.connect(emulator.websocketUrl());
        flood(flooder, 50);

        other.send("other");  // no flood invocation returns: the other client's message finds a free worker

        await().atMost(WAIT).until(() -> invoked("other"));
        assertThat(floodCalls()).isEqualTo(2);
        floodReturns.release(10_000);
        await().atMost(WAIT).until(() -> floodCalls() == 50);
    }

    @Test
    void messagesWaitingWhenTheConnectionIsDeletedAreDroppedAndCounted() {
        start(50);  // the flood takes the whole backlog: dropping its messages must give their places back
        TestClient flooder = TestClient.connect(emulator.websocketUrl());
        TestClient other = TestClient.connect(emulator.websocketUrl());
        String flooderId = integration.calls("$connect").get(0).connectionId();
        flood(flooder, 50);

        try (ApiGatewayManagementApiClient management = EmulatorFixture.managementClient(emulator.baseUrl())) {
            management.deleteConnection(b -> b.connectionId(flooderId));
        }

        assertThat(flooder.awaitClose().code()).isEqualTo(1000);
        await().atMost(WAIT).until(() -> emulator.stats().droppedInvocations() == 48);
        floodReturns.release(10_000);
        await().atMost(WAIT).until(() -> integration.calls("$disconnect", flooderId).size() == 1);
        other.send("after");
        await().atMost(WAIT).until(() -> invoked("after"));
        assertThat(floodCalls()).as("only the two running when the connection was deleted").isEqualTo(2);
        assertThat(emulator.stats().throttledInvocations()).isZero();
    }

    @Test
    void aClientsOwnCloseDropsNothing() {
        start(InvocationLimits.DEFAULT_BACKLOG);
        TestClient flooder = TestClient.connect(emulator.websocketUrl());
        flood(flooder, 20);

        flooder.close(1000, "bye");
        await().atMost(WAIT).until(() -> emulator.stats().connectionsClosed() == 1);
        floodReturns.release(10_000);

        await().atMost(WAIT).until(() -> floodCalls() == 20 && integration.calls("$disconnect").size() == 1);
        assertThat(emulator.stats().droppedInvocations()).isZero();
    }
}
