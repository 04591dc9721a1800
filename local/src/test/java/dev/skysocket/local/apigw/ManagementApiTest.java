package dev.skysocket.local.apigw;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The {@code @connections} API, driven by the real AWS SDK client with nothing changed but the endpoint. */
class ManagementApiTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;
    private ApiGatewayManagementApiClient management;

    @BeforeEach
    void start() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        management = EmulatorFixture.managementClient(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        management.close();
        emulator.close();
    }

    @Test
    void postToConnectionDeliversOneTextMessage() {
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = lastConnectionId();

        management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("42[\"hi\",\"é\"]")));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.texts().size() == 1);
        assertThat(client.texts()).containsExactly("42[\"hi\",\"é\"]");
        assertThat(client.binaries()).isEmpty();
        assertThat(emulator.stats().posts()).isEqualTo(1);
        assertThat(emulator.stats().outboundFrames()).isEqualTo(1);
    }

    @Test
    void postsReachConnectionsWhateverCharactersTheirIdsHold() {
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(TestClient.connect(emulator.websocketUrl()));
        }
        List<String> ids = integration.calls("$connect").stream().map(RecordingIntegration.Call::connectionId).toList();

        // The ids end in '=' and may hold '+' and '/', all of which the SDK percent-encodes in the path.
        ids.forEach(id -> management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String(id))));

        for (int i = 0; i < clients.size(); i++) {
            TestClient client = clients.get(i);
            String id = ids.get(i);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.texts().contains(id));
        }
    }

    @Test
    void scriptedThrottlingAnswers429LimitExceededThenDeliversAgain() {
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = lastConnectionId();
        emulator.faults().throttleNextPosts(id, 1);

        // A client without the SDK's own retries, so the 429 itself is seen.
        ApiGatewayManagementApiClient once = ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create(emulator.baseUrl()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("dummy", "dummy")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        assertThatThrownBy(() -> once.postToConnection(b -> b.connectionId(id)
                .data(SdkBytes.fromUtf8String("first"))))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).statusCode()).isEqualTo(429));
        management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("second")));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.texts().size() == 1);
        assertThat(client.texts()).containsExactly("second");
    }

    @Test
    void aPostThatIsNotUtf8ArrivesAsABinaryFrame() {
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = lastConnectionId();
        byte[] data = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF};

        management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromByteArray(data)));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.binaries().size() == 1);
        assertThat(client.binaries().get(0)).containsExactly(data);
    }

    @Test
    void aLargePostIsSplitIntoFramesOfAtMost32Kilobytes() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(URI.create(emulator.websocketUrl()), Duration.ofSeconds(10))) {
            String id = lastConnectionId();

            management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("p".repeat(100_000))));

            List<RawWebSocket.Frame> frames = new ArrayList<>();
            do {
                frames.add(raw.readFrame());
            } while (!frames.get(frames.size() - 1).fin());
            assertThat(frames.get(0).opcode()).isEqualTo(1);
            assertThat(frames).allSatisfy(frame -> assertThat(frame.payload().length).isLessThanOrEqualTo(32 * 1024));
            assertThat(frames.stream().mapToInt(frame -> frame.payload().length).sum()).isEqualTo(100_000);
            assertThat(emulator.stats().outboundFrames()).isEqualTo(frames.size());
        }
    }

    @Test
    void aPostOverTheMessageLimitIsRefusedWithPayloadTooLarge() {
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = lastConnectionId();
        SdkBytes tooLarge = SdkBytes.fromUtf8String("x".repeat(128 * 1024 + 1));
        SdkBytes atLimit = SdkBytes.fromUtf8String("x".repeat(128 * 1024));

        assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id).data(tooLarge)))
                .isInstanceOf(PayloadTooLargeException.class)
                .satisfies(error -> assertThat(((PayloadTooLargeException) error).statusCode()).isEqualTo(413));
        management.postToConnection(b -> b.connectionId(id).data(atLimit));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.texts().size() == 1);
        assertThat(client.texts().get(0)).hasSize(128 * 1024);
    }

    @Test
    void getConnectionDescribesTheConnectionWithIsoTimestamps() {
        Instant before = Instant.now().minusSeconds(1);
        TestClient client = TestClient.connect(URI.create(emulator.websocketUrl()), "agent/2.0");
        String id = lastConnectionId();

        GetConnectionResponse connection = management.getConnection(b -> b.connectionId(id));

        assertThat(connection.connectedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(connection.lastActiveAt()).isEqualTo(connection.connectedAt());
        assertThat(connection.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(connection.identity().userAgent()).isEqualTo("agent/2.0");
        long connectedAt = integration.calls("$connect").get(0).event().at("/requestContext/connectedAt").asLong();
        assertThat(connection.connectedAt().toEpochMilli()).isEqualTo(connectedAt);

        client.send("activity");
        await().atMost(Duration.ofSeconds(10)).until(() -> !integration.calls("$default").isEmpty());
        long receivedAt = integration.calls("$default").get(0).event().at("/requestContext/requestTimeEpoch").asLong();
        assertThat(management.getConnection(b -> b.connectionId(id)).lastActiveAt().toEpochMilli())
                .isEqualTo(receivedAt);
    }

    @Test
    void aDeletedConnectionIsGoneForEveryCallAfterwards() {
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = lastConnectionId();

        management.deleteConnection(b -> b.connectionId(id));

        assertThat(client.awaitClose().code()).isEqualTo(1000);
        assertGoneEverywhere(id);
    }

    @Test
    void unknownAndClosedConnectionsAreGone() {
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = lastConnectionId();
        client.close(1000, "");
        DisconnectAssertions.awaitDisconnect(integration, id);

        assertGoneEverywhere(id);
        assertGoneEverywhere("AAAAAAAAAAAAAAA=");
        assertThat(emulator.stats().goneResponses()).isEqualTo(6);
    }

    @Test
    void goneIsA410WithTheErrorTypeHeaderAndAnEmptyBody() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(connectionUri("%40connections", "Tm9wZU5vcGVOb3A%3D"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=dummy/20260101/us-east-1/execute-api/aws4_request")
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anUnsignedRequestIsRefusedWithMissingAuthenticationToken() throws Exception {
        TestClient.connect(emulator.websocketUrl());
        String id = lastConnectionId();

        HttpResponse<String> response = send(HttpRequest.newBuilder(connectionUri("@connections", encode(id)))
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(emulator.stats().posts()).isZero();
    }

    @Test
    void pathsOtherThanConnectionsAreForbidden() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/other")).GET());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private void assertGoneEverywhere(String id) {
        assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> management.getConnection(b -> b.connectionId(id))).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> management.deleteConnection(b -> b.connectionId(id)))
                .isInstanceOf(GoneException.class);
    }

    private String lastConnectionId() {
        List<RecordingIntegration.Call> connects = integration.calls("$connect");
        return connects.get(connects.size() - 1).connectionId();
    }

    private URI connectionUri(String connectionsSegment, String encodedId) {
        return URI.create(emulator.baseUrl() + "/" + connectionsSegment + "/" + encodedId);
    }

    private static String encode(String id) {
        return id.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
