package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class HandshakeTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void upgradesOnTheStagePathWithAndWithoutATrailingSlash() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);

        TestClient plain = TestClient.connect(emulator.websocketUrl());
        TestClient slash = TestClient.connect(emulator.websocketUrl() + "/");

        assertThat(integration.calls("$connect")).hasSize(2);
        // The client may see its 101 before the emulator has wired the accepted socket up.
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().connectionsOpened() == 2);
        plain.close(1000, "");
        slash.close(1000, "");
    }

    @Test
    void refusesUpgradesOnAnyOtherPathWith403AndNeverCallsConnect() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        String root = "ws://127.0.0.1:" + emulator.port();

        assertThat(TestClient.refusedStatus(root + "/")).isEqualTo(403);
        assertThat(TestClient.refusedStatus(root + "/prod")).isEqualTo(403);
        assertThat(TestClient.refusedStatus(root + "/dev/socket.io")).isEqualTo(403);
        assertThat(integration.calls()).isEmpty();
        assertThat(emulator.stats().connectsRefused()).isEqualTo(3);
    }

    @Test
    void connectEventCarriesTheUpgradeRequestTheWayApiGatewayDoes() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);

        TestClient.connect(URI.create(emulator.websocketUrl() + "?EIO=4&transport=websocket&tag=a&tag=b%20c"),
                "test-agent/1.0");

        JsonNode event = integration.calls("$connect").get(0).event();
        JsonNode context = event.get("requestContext");
        assertThat(event.at("/headers/Host").asText()).isEqualTo("127.0.0.1:" + emulator.port());
        assertThat(event.at("/headers/Origin").asText()).isEqualTo("http://localhost:8080");
        assertThat(event.at("/headers/User-Agent").asText()).isEqualTo("test-agent/1.0");
        assertThat(event.at("/headers/Sec-WebSocket-Version").asText()).isEqualTo("13");
        assertThat(event.get("headers").has("Sec-WebSocket-Key")).isTrue();
        assertThat(event.at("/headers/X-Forwarded-Proto").asText()).isEqualTo("http");
        assertThat(event.at("/headers/X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
        assertThat(event.at("/multiValueHeaders/Origin/0").asText()).isEqualTo("http://localhost:8080");
        assertThat(event.at("/queryStringParameters/EIO").asText()).isEqualTo("4");
        assertThat(event.at("/queryStringParameters/tag").asText()).isEqualTo("b c");
        assertThat(event.at("/multiValueQueryStringParameters/tag").toString()).isEqualTo("[\"a\",\"b c\"]");
        assertThat(context.get("routeKey").asText()).isEqualTo("$connect");
        assertThat(context.get("eventType").asText()).isEqualTo("CONNECT");
        assertThat(context.get("messageDirection").asText()).isEqualTo("IN");
        assertThat(context.get("stage").asText()).isEqualTo("dev");
        assertThat(context.get("domainName").asText()).isEqualTo(emulator.domainName());
        assertThat(context.get("apiId").asText()).isEqualTo(EmulatorSettings.DEFAULT_API_ID);
        assertThat(context.get("requestTime").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.get("connectedAt").asLong()).isPositive();
        assertThat(context.get("requestTimeEpoch").asLong()).isGreaterThanOrEqualTo(context.get("connectedAt").asLong());
        assertThat(context.get("requestId").asText()).isEqualTo(context.get("extendedRequestId").asText());
        assertThat(context.at("/identity/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.at("/identity/userAgent").asText()).isEqualTo("test-agent/1.0");
        assertThat(event.get("isBase64Encoded").asBoolean(true)).isFalse();
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void connectionIdsLookLikeApiGatewaysAndTheBaseUrlIsBuiltFromDomainNameAndStage() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);

        for (int i = 0; i < 5; i++) {
            TestClient.connect(emulator.websocketUrl());
        }

        assertThat(integration.calls("$connect")).extracting(RecordingIntegration.Call::connectionId)
                .allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9+/]{15}="))
                .doesNotHaveDuplicates();
        JsonNode context = integration.calls("$connect").get(0).event().get("requestContext");
        assertThat("http://" + context.get("domainName").asText() + "/" + context.get("stage").asText())
                .isEqualTo(emulator.baseUrl());
    }

    @Test
    void nonSuccessConnectStatusesAreSentBackAsTheRefusal() {
        integration.on("$connect", event -> "{\"statusCode\":401,\"body\":\"no\"}");
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);

        assertThat(TestClient.refusedStatus(emulator.websocketUrl())).isEqualTo(401);
        assertThat(emulator.stats().connectsRefused()).isEqualTo(1);
        assertThat(emulator.stats().connectionsOpened()).isZero();
    }

    @Test
    void aThrowingOrSilentConnectIntegrationRefusesWith502() {
        integration.on("$connect", event -> {
            if (event.at("/queryStringParameters/mode").asText().equals("throw")) {
                throw new IllegalStateException("boom");
            }
            return null;
        });
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);

        assertThat(TestClient.refusedStatus(emulator.websocketUrl() + "?mode=throw")).isEqualTo(502);
        assertThat(TestClient.refusedStatus(emulator.websocketUrl() + "?mode=null")).isEqualTo(502);
        assertThat(integration.calls("$disconnect")).isEmpty();
    }

    @Test
    void aConnectIntegrationThatMissesTheTimeoutRefusesWith504() {
        integration.on("$connect", event -> {
            Thread.sleep(2_000);
            return RecordingIntegration.OK;
        });
        emulator = EmulatorFixture.start(
                EmulatorFixture.settings().withIntegrationTimeout(Duration.ofMillis(200)), integration);

        assertThat(TestClient.refusedStatus(emulator.websocketUrl())).isEqualTo(504);
        assertThat(emulator.stats().integrationFailures()).isEqualTo(1);
    }

    @Test
    void theConnectionDoesNotExistForTheManagementApiUntilConnectHasReturned() {
        List<Class<?>> thrown = new CopyOnWriteArrayList<>();
        ApiGatewayEmulator[] self = new ApiGatewayEmulator[1];
        integration.on("$connect", event -> {
            String id = event.at("/requestContext/connectionId").asText();
            try (ApiGatewayManagementApiClient management = EmulatorFixture.managementClient(self[0].baseUrl())) {
                // All three must answer 410 while the upgrade is pending: this is what AWS does.
                expectGone(thrown, () -> management.postToConnection(b -> b.connectionId(id)
                        .data(SdkBytes.fromUtf8String("too early"))));
                expectGone(thrown, () -> management.getConnection(b -> b.connectionId(id)));
                expectGone(thrown, () -> management.deleteConnection(b -> b.connectionId(id)));
            }
            return RecordingIntegration.OK;
        });
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        self[0] = emulator;

        TestClient client = TestClient.connect(emulator.websocketUrl());

        assertThat(thrown).containsExactly(GoneException.class, GoneException.class, GoneException.class);
        assertThat(client.texts()).isEmpty();
        assertThat(emulator.stats().goneResponses()).isEqualTo(3);
        String id = integration.calls("$connect").get(0).connectionId();
        try (ApiGatewayManagementApiClient management = EmulatorFixture.managementClient(emulator.baseUrl())) {
            management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("now")));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.texts().contains("now"));
    }

    private static void expectGone(List<Class<?>> thrown, Runnable call) {
        assertThatThrownBy(call::run).satisfies(error -> thrown.add(error.getClass()));
    }
}
