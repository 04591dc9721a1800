package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.ManagementApiFanout;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/** The private {@code @connections} API, driven by the real AWS SDK clients with nothing changed but the endpoint. */
class PrivateManagementApiTest {
    private static final int LIMIT = 1024;

    private final SessionDirectory sessions = new SessionDirectory();
    private PrivateManagementApi api;
    private ApiGatewayManagementApiClient sdk;
    private String baseUrl;

    private void start(String basePath) {
        api = new PrivateManagementApi(
                FallbackGateway.listenerSettings(new NodeSettings("127.0.0.1", 0, basePath, null, LIMIT)));
        int port = api.start(new SessionTargets(sessions));
        baseUrl = new NodeSettings("127.0.0.1", 0, basePath, null, LIMIT).urlFor(port);
        sdk = ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        sdk.close();
        api.close();
    }

    private FakeSession live() {
        FakeSession session = new FakeSession();
        sessions.register(session, Instant.parse("2026-01-01T00:00:00.123Z").toEpochMilli());
        return session;
    }

    private void post(String sid, String text) {
        sdk.postToConnection(b -> b.connectionId(sid).data(SdkBytes.fromUtf8String(text)));
    }

    @Test
    void postQueuesTheBodyAsOneEnginePacket() {
        start("");
        FakeSession session = live();

        post(session.sid(), "42[\"hi\",\"é\"]");

        assertThat(session.sent()).containsExactly("42[\"hi\",\"é\"]");
    }

    @Test
    void aConfiguredBasePathPrefixesTheRoutes() {
        start("/private/");
        FakeSession session = live();

        post(session.sid(), "40");

        assertThat(baseUrl).endsWith("/private");
        assertThat(session.sent()).containsExactly("40");
    }

    @Test
    void unknownAndClosedSidsAreGone() {
        start("");
        FakeSession closed = live();
        closed.close();

        assertThatThrownBy(() -> post("nobody", "40")).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> post(closed.sid(), "40")).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> sdk.getConnection(b -> b.connectionId("nobody"))).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> sdk.deleteConnection(b -> b.connectionId("nobody")))
                .isInstanceOf(GoneException.class);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        start("");
        FakeSession session = live();

        assertThatThrownBy(() -> post(session.sid(), "4" + "x".repeat(LIMIT)))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(session.sent()).isEmpty();
    }

    @Test
    void aFullSessionBufferAnswers429() {
        start("");
        FakeSession session = live();
        session.fillBuffer();

        assertThatThrownBy(() -> post(session.sid(), "40")).isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).statusCode()).isEqualTo(429));
    }

    @Test
    void getConnectionDescribesTheSessionWithIsoTimestamps() {
        start("");
        FakeSession session = live();

        GetConnectionResponse described = sdk.getConnection(b -> b.connectionId(session.sid()));

        assertThat(described.connectedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
        assertThat(described.lastActiveAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
        assertThat(described.identity().sourceIp()).isEqualTo("10.0.0.7");
        assertThat(described.identity().userAgent()).isEqualTo("fake-agent");
    }

    @Test
    void deleteClosesTheSessionAndLaterCallsAreGone() {
        start("");
        FakeSession session = live();

        sdk.deleteConnection(b -> b.connectionId(session.sid()));

        assertThat(session.closed()).isTrue();
        assertThatThrownBy(() -> post(session.sid(), "40")).isInstanceOf(GoneException.class);
    }

    @Test
    void anUnsignedRequestIsRefusedBeforeAnythingElse() throws Exception {
        start("");
        FakeSession session = live();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/@connections/" + session.sid()))
                        .POST(HttpRequest.BodyPublishers.ofString("40")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(session.sent()).isEmpty();
    }

    @Test
    void theProductsFanoutReachesLiveSessionsAndPrunesOnlyTheGoneOne() {
        start("");
        FakeSession session = live();
        List<Recipient> pruned = new CopyOnWriteArrayList<>();
        ManagementApiFanout fanout = new ManagementApiFanout(NodeHarness.CLIENTS, pruned::add, 4);
        Recipient gone = new Recipient("nobody", baseUrl);

        FanoutReport report = fanout.deliver(List.of("451-[\"file\",{\"_placeholder\":true,\"num\":0}]", "bAQID"),
                List.of(new Recipient(session.sid(), baseUrl), gone));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(report.gone()).isEqualTo(1);
        assertThat(report.failed()).isZero();
        assertThat(pruned).containsExactly(gone);
        assertThat(session.sent()).containsExactly("451-[\"file\",{\"_placeholder\":true,\"num\":0}]", "bAQID");
        assertThat(fanout.close(new Recipient(session.sid(), baseUrl))).isTrue();
        assertThat(session.closed()).isTrue();
    }
}
