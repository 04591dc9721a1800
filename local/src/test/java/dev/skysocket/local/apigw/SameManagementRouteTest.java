package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRequest;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import dev.skysocket.gateway.node.NodeSettings;
import dev.skysocket.gateway.node.SessionDirectory;
import dev.skysocket.gateway.node.SessionTargets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/**
 * The one {@code @connections} route answers the same request set the same way whether it reaches the emulator's
 * WebSocket connections or a gateway node's sessions, driven by the real AWS SDK client.
 */
class SameManagementRouteTest {
    private static final int LIMIT = EmulatorSettings.DEFAULT_MAX_MESSAGE_BYTES;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One open connection on one side, and what it received. */
    private interface Target {
        String id();

        List<String> received();

        boolean closed();
    }

    @Test
    void theEmulatorsConnections() {
        RecordingIntegration integration = new RecordingIntegration();
        try (ApiGatewayEmulator emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
             ApiGatewayManagementApiClient sdk = EmulatorFixture.managementClient(emulator.baseUrl())) {
            TestClient client = TestClient.connect(emulator.websocketUrl());
            List<RecordingIntegration.Call> connects = integration.calls("$connect");
            String id = connects.get(connects.size() - 1).connectionId();
            runRequestSet(sdk, new Target() {
                public String id() {
                    return id;
                }

                public List<String> received() {
                    return client.texts();
                }

                public boolean closed() {
                    return client.closed().isDone();
                }
            });
        }
    }

    @Test
    void aGatewayNodesSessions() {
        SessionDirectory sessions = new SessionDirectory();
        RecordingSession session = new RecordingSession();
        sessions.register(session, System.currentTimeMillis());
        try (PrivateManagementApi api = new PrivateManagementApi(
                FallbackGateway.listenerSettings(new NodeSettings("127.0.0.1", 0, "", null, LIMIT)))) {
            int port = api.start(new SessionTargets(sessions));
            try (ApiGatewayManagementApiClient sdk = EmulatorFixture.managementClient("http://127.0.0.1:" + port)) {
                runRequestSet(sdk, new Target() {
                    public String id() {
                        return session.sid();
                    }

                    public List<String> received() {
                        return session.sent;
                    }

                    public boolean closed() {
                        return !session.isOpen();
                    }
                });
            }
        }
    }

    private static void runRequestSet(ApiGatewayManagementApiClient sdk, Target target) {
        String id = target.id();
        sdk.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("42[\"hi\",\"é\"]")));
        await().atMost(WAIT).until(() -> target.received().size() == 1);
        assertThat(target.received()).containsExactly("42[\"hi\",\"é\"]");

        GetConnectionResponse described = sdk.getConnection(b -> b.connectionId(id));
        assertThat(described.connectedAt()).isNotNull();
        assertThat(described.lastActiveAt()).isNotNull();
        assertThat(described.identity().sourceIp()).isNotEmpty();

        SdkBytes oversize = SdkBytes.fromByteArray(new byte[LIMIT + 1]);
        assertThatThrownBy(() -> sdk.postToConnection(b -> b.connectionId(id).data(oversize)))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
        assertThat(target.received()).hasSize(1);

        assertGone(sdk, "unknown-id");

        sdk.deleteConnection(b -> b.connectionId(id));
        await().atMost(WAIT).until(target::closed);
        await().atMost(WAIT).untilAsserted(() -> assertGone(sdk, id));
    }

    private static void assertGone(ApiGatewayManagementApiClient sdk, String id) {
        assertThatThrownBy(() -> sdk.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
                .isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
        assertThatThrownBy(() -> sdk.getConnection(b -> b.connectionId(id))).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> sdk.deleteConnection(b -> b.connectionId(id))).isInstanceOf(GoneException.class);
    }

    /** A gateway session held in memory: records what it is sent and whether it was closed. */
    private static final class RecordingSession implements EngineSession {
        private final List<String> sent = new CopyOnWriteArrayList<>();
        private final HandshakeRequest handshake = new HandshakeRequest(Map.of("user-agent", "test-agent"),
                Map.of("EIO", "4", "transport", "polling"), "127.0.0.1", System.currentTimeMillis());
        private volatile boolean open = true;

        @Override
        public String sid() {
            return "gatewaySid0123456789";
        }

        @Override
        public String transport() {
            return "polling";
        }

        @Override
        public HandshakeRequest handshake() {
            return handshake;
        }

        @Override
        public boolean send(String packet) {
            return open && sent.add(packet);
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}
