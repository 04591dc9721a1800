package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.MetricSink;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.runtime.RoomNoticeSender;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.RoomNotices;
import dev.skysocket.store.RoomRegistrations;
import dev.skysocket.store.dynamodb.DynamoRoomDirectory;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Room notices on a node's private listener: sent by {@link RoomNoticeSender} through the real SDK client (signed
 * GetConnection with the header), they reach the node's registrations before the answer; unsigned or malformed
 * ones are refused as the route refuses any other request.
 */
class RoomNoticeRouteTest {
    private static final String SELF = "http://127.0.0.1:1";

    private final DynamoDbClient dynamo = DynamoDbLocalServer.client();
    private final RoomRegistrations registrations = new RoomRegistrations(
            new DynamoRoomDirectory(dynamo, DynamoDbLocalServer.freshTable(dynamo, "notices")), RoomNotices.NONE,
            3_600_000, System::currentTimeMillis);
    private final PrivateManagementApi api = new PrivateManagementApi(
            FallbackGateway.listenerSettings(NodeSettings.loopback()));
    private final String baseUrl;

    RoomNoticeRouteTest() {
        SessionTargets targets = new SessionTargets(new SessionDirectory());
        targets.roomNoticesTo(registrations);
        baseUrl = NodeSettings.loopback().urlFor(api.start(targets));
    }

    @AfterEach
    void stop() {
        api.close();
        dynamo.close();
    }

    @Test
    void aNoticeReachesTheRegistrationsOfTheRoomBeforeTheSenderReturns() {
        RoomKey room = new RoomKey("acme", "/", "r#1 é");
        assertThat(registrations.othersKnown(SELF, room)).isEmpty();

        RoomNoticeSender sender = new RoomNoticeSender(NodeHarness.CLIENTS);
        assertThat(sender.tell(List.of(baseUrl), room, "http://10.0.0.9:3002")).as("given up").isZero();
        assertThat(sender.tell(List.of(baseUrl), new RoomKey("acme", "/", "other"), "http://10.0.0.8:3002"))
                .isZero();

        assertThat(registrations.othersKnown(SELF, room)).isEqualTo(Set.of("http://10.0.0.9:3002"));
    }

    @Test
    void endpointsThatHoldNoRoomsAreNoFailureAndAnUnreachableOneIsGivenUpOn() throws Exception {
        String unreachable;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            unreachable = "http://127.0.0.1:" + closed.getLocalPort();
        }
        AtomicLong counted = new AtomicLong();
        MetricSink previous = Metrics.install((metric, value) -> {
            if (metric == Metric.ROOM_NOTICE_FAILURES) {
                counted.addAndGet((long) value);
            }
        });
        try (ManagementApiStub apiGateway = ManagementApiStub.start()) {
            int givenUp = new RoomNoticeSender(NodeHarness.CLIENTS).tell(List.of(apiGateway.endpoint(),
                    "https://abc.execute-api.us-east-1.amazonaws.com/prod", unreachable),
                    new RoomKey("acme", "/", "r"), "http://10.0.0.9:3002");

            assertThat(givenUp).isEqualTo(1);
            assertThat(counted).as("RoomNoticeFailures").hasValue(1);
        } finally {
            Metrics.install(previous);
        }
    }

    private int get(String header, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/@connections/room-notice"))
                .header("x-skysocket-room-notice", header);
        if (signed) {
            request.header("Authorization", "AWS4-HMAC-SHA256 Credential=dummy/20260101/us-east-1/execute-api/"
                    + "aws4_request, SignedHeaders=host, Signature=00");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    @Test
    void anUnsignedNoticeIsRefusedAndAMalformedOneIsABadRequest() throws Exception {
        String valid = "YWNtZQ.Lw.cg.aHR0cDovLzEwLjAuMC45OjMwMDI"; // acme, /, r, http://10.0.0.9:3002
        assertThat(get(valid, false)).isEqualTo(403);
        assertThat(get("YWNtZQ.Lw.cg", true)).isEqualTo(400);
        assertThat(get("YWNtZQ.Lw.cg.!!", true)).isEqualTo(400);
        assertThat(get("YWNtZQ.Lw.cg.", true)).isEqualTo(400);
        assertThat(get("YWNtZQ.Lw.cg.wyg", true)).as("not UTF-8").isEqualTo(400);
        assertThat(get(valid, true)).isEqualTo(200);
    }
}
