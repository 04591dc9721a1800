package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Invocations of open connections are bounded too: with the backlog (here 1) taken by a {@code $default} still
 * running, a further message is not delivered and its sender gets a "Too Many Requests" error frame on a connection
 * that stays open; a {@code $disconnect} over the backlog is dropped (best effort, as on AWS) without holding up
 * the emulator's stop.
 */
class ThrottledMessageTest {
    private final RecordingIntegration integration = new RecordingIntegration();
    private final CountDownLatch functionReturns = new CountDownLatch(1);
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        functionReturns.countDown();
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start() {
        integration.on("$default", event -> {
            if (event.path("body").asText().startsWith("slow")) {
                functionReturns.await(30, TimeUnit.SECONDS);  // as a function stuck on a saturated store
            }
            return RecordingIntegration.OK;
        });
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings().withIntegrationTimeout(Duration.ofSeconds(29)),
                integration).withInvocationLimits(new InvocationLimits(4, 100, 1));
        emulator.start();
    }

    @Test
    void aMessageOverTheBacklogIsRefusedWithAnErrorFrameAndTheConnectionStaysOpen() {
        start();
        TestClient client = TestClient.connect(emulator.websocketUrl());
        client.send("slow 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);

        client.send("refused");

        await().atMost(Duration.ofSeconds(10)).until(() -> !client.texts().isEmpty());
        assertThat(client.texts().get(0)).startsWith("{\"message\": \"Too Many Requests\", \"connectionId\":\"");
        assertThat(emulator.stats().throttledInvocations()).isEqualTo(1);
        assertThat(integration.calls("$default")).hasSize(1);
        assertThat(client.closed()).isNotDone();

        functionReturns.countDown();
        // The permit comes back once the slow call has returned: from then on a message is delivered again.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            client.send("again");
            return integration.calls("$default").size() > 1;
        });
        assertThat(integration.calls("$default").get(1).event().path("body").asText()).isEqualTo("again");
        assertThat(client.closed()).isNotDone();
    }

    @Test
    void aDisconnectOverTheBacklogIsDroppedAndStopDoesNotWaitForIt() {
        start();
        TestClient client = TestClient.connect(emulator.websocketUrl());
        client.send("slow 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);

        client.close(1000, "bye");

        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().throttledInvocations() == 1);
        assertThat(integration.calls("$disconnect")).isEmpty();
        // Stop waits for pending $disconnects up to the closing handshake plus the integration timeout (32 s here):
        // one dropped but still counted as pending would hold it that long.
        long before = System.nanoTime();
        emulator.close();
        emulator = null;
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(20));
        assertThat(integration.calls("$disconnect")).isEmpty();
    }
}
