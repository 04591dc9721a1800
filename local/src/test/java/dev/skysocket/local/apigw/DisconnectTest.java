package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.skysocket.local.apigw.DisconnectAssertions.assertDisconnect;
import static dev.skysocket.local.apigw.DisconnectAssertions.assertDisconnectedOnce;
import static dev.skysocket.local.apigw.DisconnectAssertions.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every way a connection ends invokes {@code $disconnect} exactly once, with the status API Gateway reports. */
class DisconnectTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aClientCloseReportsTheClientsStatusAndReason() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        client.close(4000, "bye");

        JsonNode event = awaitDisconnect(integration, id);
        assertDisconnect(event, 4000, "bye");
        assertThat(event.at("/headers/Host").asText()).isEqualTo(emulator.domainName());
        assertThat(event.at("/requestContext/connectionId").asText()).isEqualTo(id);
        assertThat(event.at("/requestContext/identity/sourceIp").asText()).isEqualTo("127.0.0.1");
        emulator.close();
        assertDisconnectedOnce(integration, id);
        assertThat(emulator.stats().connectionsClosed()).isEqualTo(1);
    }

    @Test
    void aDroppedTcpConnectionReports1006() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        client.abort();

        assertDisconnect(awaitDisconnect(integration, id), 1006, "");
        emulator.close();
        assertDisconnectedOnce(integration, id);
    }

    @Test
    void aManagementApiDeleteClosesWith1000AndReportsConnectionClosedNormally() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        try (ApiGatewayManagementApiClient management = EmulatorFixture.managementClient(emulator.baseUrl())) {
            management.deleteConnection(b -> b.connectionId(id));
        }

        assertThat(client.awaitClose().code()).isEqualTo(1000);
        assertDisconnect(awaitDisconnect(integration, id), 1000, "Connection Closed Normally");
        emulator.close();
        assertDisconnectedOnce(integration, id);
    }

    @Test
    void shuttingDownClosesEveryConnectionWith1001AndReturnsAfterTheirDisconnects() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient first = TestClient.connect(emulator.websocketUrl());
        TestClient second = TestClient.connect(emulator.websocketUrl());

        emulator.close();

        // close() waits for $disconnect, so the calls are recorded when it returns: no waiting here.
        assertThat(integration.calls("$disconnect")).hasSize(2)
                .allSatisfy(call -> assertDisconnect(call.event(), 1001, "Going away"));
        assertThat(first.awaitClose().code()).isEqualTo(1001);
        assertThat(second.awaitClose().code()).isEqualTo(1001);
        assertThat(emulator.stats().openConnections()).isZero();
    }

    @Test
    void byDefaultDisconnectDoesNotWaitForMessagesStillInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        integration.on("$default", event -> {
            release.await(10, TimeUnit.SECONDS);
            return RecordingIntegration.OK;
        });
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        client.send("one");
        client.send("two");
        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 2);
        client.close(1000, "");

        // As on AWS: both $default calls are still running when $disconnect is invoked.
        awaitDisconnect(integration, id);
        assertThat(release.getCount()).isEqualTo(1);
        release.countDown();
    }

    @Test
    void withSerialOrderDisconnectRunsAfterTheMessagesThatArrivedBeforeTheClose() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        integration.on("$default", event -> {
            release.await(10, TimeUnit.SECONDS);
            return RecordingIntegration.OK;
        });
        emulator = EmulatorFixture.start(
                EmulatorFixture.settings().withInvocationOrder(InvocationOrder.SERIAL), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        client.send("one");
        client.send("two");
        client.close(1000, "");
        await().atMost(Duration.ofSeconds(10)).until(() -> !integration.calls("$default").isEmpty());
        release.countDown();

        awaitDisconnect(integration, id);
        assertThat(integration.calls()).extracting(RecordingIntegration.Call::routeKey)
                .containsExactly("$connect", "$default", "$default", "$disconnect");
    }
}
