package dev.skysocket.local.apigw;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.skysocket.local.apigw.DisconnectAssertions.assertDisconnect;
import static dev.skysocket.local.apigw.DisconnectAssertions.assertDisconnectedOnce;
import static dev.skysocket.local.apigw.DisconnectAssertions.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

/** API Gateway's idle timeout (10 minutes) and maximum connection duration (2 hours), shortened for tests. */
class LivenessTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void anIdleConnectionIsClosedWith1001GoingAway() {
        emulator = EmulatorFixture.start(
                EmulatorFixture.settings().withIdleTimeout(Duration.ofMillis(300)), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        TestClient.Close close = client.awaitClose();

        assertThat(close.code()).isEqualTo(1001);
        assertThat(close.reason()).isEqualTo("Going away");
        assertDisconnect(awaitDisconnect(integration, id), 1001, "Going away");
        emulator.close();
        assertDisconnectedOnce(integration, id);
    }

    @Test
    void inboundMessagesKeepAConnectionFromGoingIdle() throws Exception {
        emulator = EmulatorFixture.start(
                EmulatorFixture.settings().withIdleTimeout(Duration.ofSeconds(1)), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());

        // Traffic every 100 ms for 2.5 idle timeouts: a tenfold margin against the 1-second idle timeout.
        for (int i = 0; i < 25; i++) {
            client.send("3");
            Thread.sleep(100);
        }

        assertThat(client.closed()).isNotDone();
        assertThat(client.awaitClose().code()).isEqualTo(1001);
    }

    @Test
    void pingsAreAnsweredButDoNotCountAsActivityNorReachTheIntegration() throws Exception {
        emulator = EmulatorFixture.start(
                EmulatorFixture.settings().withIdleTimeout(Duration.ofMillis(500)), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());

        while (!client.closed().isDone()) {
            client.ping();
            Thread.sleep(50);
        }

        assertThat(client.pongs()).isPositive();
        assertThat(client.awaitClose().code()).isEqualTo(1001);
        assertThat(integration.calls("$default")).isEmpty();
        assertThat(emulator.stats().inboundFrames()).isZero();
    }

    @Test
    void aConnectionOlderThanTheMaximumDurationIsClosedWith1001EvenWhileActive() throws Exception {
        emulator = EmulatorFixture.start(EmulatorFixture.settings()
                .withMaxConnectionDuration(Duration.ofMillis(500)), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        while (!client.closed().isDone()) {
            client.send("2");
            Thread.sleep(50);
        }

        assertThat(client.awaitClose().code()).isEqualTo(1001);
        assertDisconnect(awaitDisconnect(integration, id), 1001, "Going away");
    }
}
