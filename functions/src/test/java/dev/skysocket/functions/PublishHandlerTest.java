package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.apigw.ApiGatewayRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code publish} function, invoked with function URL events (HTTP payload 2.0) as Lambda sends them. */
@QuarkusTest
@TestProfile(HandlerProfiles.Publish.class)
class PublishHandlerTest {
    @Inject
    ApiGatewayRuntime runtime;

    @Test
    void anEventPublishedToARoomReachesItsMembersOnly() {
        String room = "news-" + WebSocketEvents.newConnectionId();
        String member = joined(room);
        String outsider = OpenedConnections.connectedToMainNamespace(runtime);

        var answer = publish("POST", "{\"tenant\":\"default\",\"namespace\":\"/\",\"rooms\":[\"" + room + "\"],"
                + "\"event\":\"news\",\"args\":[\"hello\",{\"n\":1}]}", false);

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("body").asText()).isEqualTo("{\"delivered\":1,\"gone\":0,\"failed\":0}");
        await().atMost(OpenedConnections.WAIT).untilAsserted(() -> assertThat(LambdaBackends.stub().postsTo(member))
                .contains("42[\"news\",\"hello\",{\"n\":1}]"));
        assertThat(LambdaBackends.stub().postsTo(outsider)).noneMatch(post -> post.contains("news"));
    }

    @Test
    void exceptLeavesOutTheMembersOfTheExceptedRooms() {
        String room = "feed-" + WebSocketEvents.newConnectionId();
        String member = joined(room);

        var answer = publish("POST", "{\"tenant\":\"default\",\"rooms\":[\"" + room + "\"],\"except\":[\"" + room
                + "\"],\"event\":\"news\"}", true);

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("body").asText()).contains("\"delivered\":0");
        assertThat(LambdaBackends.stub().postsTo(member)).noneMatch(post -> post.contains("news"));
    }

    @Test
    void malformedOrForbiddenRequestsAreRefusedWithTheirStatus() {
        assertThat(status("GET", "{}")).isEqualTo(405);
        assertThat(status("POST", "not json")).isEqualTo(400);
        assertThat(status("POST", "{\"namespace\":\"/\",\"event\":\"news\"}")).isEqualTo(400);          // no tenant
        assertThat(status("POST", "{\"tenant\":\"default\",\"rooms\":\"lobby\",\"event\":\"news\"}")).isEqualTo(400);
        assertThat(status("POST", "{\"tenant\":\"default\",\"event\":\"connect\"}")).isEqualTo(400);     // reserved
        assertThat(status("POST", "{\"tenant\":\"default\",\"event\":\"news\",\"args\":[\""
                + "x".repeat(PublishRequest.MAX_BODY_BYTES) + "\"]}")).isEqualTo(413);
        assertThat(status("POST", "{\"tenant\":\"default\",\"event\":\"news\",\"args\":" + "[".repeat(200)
                + "]".repeat(200) + "}")).isEqualTo(400);                                               // too deep
    }

    @Test
    void actionsFetchJoinAndCloseTheTargetsSockets() {
        String room = "crew-" + WebSocketEvents.newConnectionId();
        String member = joined(room);

        var fetched = publish("POST", "{\"tenant\":\"default\",\"rooms\":[\"" + room
                + "\"],\"action\":\"fetchSockets\"}", false);
        assertThat(fetched.path("statusCode").asInt()).isEqualTo(200);
        assertThat(fetched.path("body").asText()).contains("\"rooms\":[", "\"" + room + "\"");

        var joinedDeck = publish("POST", "{\"tenant\":\"default\",\"rooms\":[\"" + room
                + "\"],\"action\":\"socketsJoin\",\"join\":[\"deck-" + room + "\"]}", false);
        assertThat(joinedDeck.path("body").asText()).isEqualTo("{\"done\":\"SocketsJoin\"}");
        var news = publish("POST", "{\"tenant\":\"default\",\"rooms\":[\"deck-" + room
                + "\"],\"event\":\"news\"}", false);
        assertThat(news.path("body").asText()).contains("\"delivered\":1");

        publish("POST", "{\"tenant\":\"default\",\"rooms\":[\"" + room
                + "\"],\"action\":\"disconnectSockets\",\"close\":true}", false);
        await().atMost(OpenedConnections.WAIT).until(() -> LambdaBackends.stub().requestsFor(member).stream()
                .anyMatch(request -> request.method().equals("DELETE")));
    }

    @Test
    void malformedActionsAreRefused() {
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"explode\"}")).isEqualTo(400);
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"socketsJoin\"}")).isEqualTo(400);
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"socketsJoin\",\"join\":[\"\"]}"))
                .isEqualTo(400);
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"disconnectSockets\",\"close\":\"yes\"}"))
                .isEqualTo(400);
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":1}")).isEqualTo(400);
    }

    @Test
    void revokeClosesTheUsersConnectionsAndItsNextConnectIsRefused() {
        String user = "user-" + WebSocketEvents.newConnectionId();
        String first = StoredConnections.createFor(runtime, user);
        String second = StoredConnections.createFor(runtime, user);
        String other = StoredConnections.createFor(runtime, "other-" + user);

        var answer = publish("POST", "{\"tenant\":\"default\",\"action\":\"revoke\",\"user\":\"" + user
                + "\",\"refuseForMs\":60000}", false);

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("body").asText()).isEqualTo("{\"revoked\":\"" + user + "\",\"closed\":2}");
        for (String id : new String[] {first, second}) {
            assertThat(LambdaBackends.stub().requestsFor(id)).anyMatch(request -> request.method().equals("DELETE"));
        }
        assertThat(LambdaBackends.stub().requestsFor(other)).noneMatch(request -> request.method().equals("DELETE"));
        assertThat(runtime.context().revocations().revokedUntil("default", user)).isPresent();
        assertThat(runtime.context().revocations().revokedUntil("other", user)).as("tenant-scoped").isEmpty();

        // The client's CONNECT on a connection of the revoked user gets Socket.IO's CONNECT_ERROR.
        runtime.message().handle(WebSocketEvents.parse(WebSocketEvents.message(first, "40")));
        await().atMost(OpenedConnections.WAIT).until(() -> LambdaBackends.stub().postsTo(first)
                .contains("44{\"message\":\"revoked\"}"));
    }

    @Test
    void malformedRevocationsAreRefused() {
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"revoke\"}")).isEqualTo(400);
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"revoke\",\"user\":\" \"}")).isEqualTo(400);
        assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"revoke\",\"user\":7}")).isEqualTo(400);
        for (String refuseFor : new String[] {"-1", "1.5", "\"60\"", "99999999999999999999", "31708800001"}) {
            assertThat(status("POST", "{\"tenant\":\"default\",\"action\":\"revoke\",\"user\":\"u\","
                    + "\"refuseForMs\":" + refuseFor + "}")).as(refuseFor).isEqualTo(400);
        }
        assertThat(status("POST", "{\"action\":\"revoke\",\"user\":\"u\"}")).as("no tenant").isEqualTo(400);
    }

    /** A connection on the main namespace that joined {@code room} through the example app's {@code join}. */
    private String joined(String room) {
        String id = OpenedConnections.connectedToMainNamespace(runtime);
        runtime.message().handle(WebSocketEvents.parse(WebSocketEvents.message(id, "421[\"join\",\"" + room + "\"]")));
        await().atMost(OpenedConnections.WAIT).until(() -> LambdaBackends.stub().postsTo(id)
                .contains("431[\"" + room + "\"]"));
        return id;
    }

    private static int status(String method, String body) {
        return publish(method, body, false).path("statusCode").asInt();
    }

    private static JsonNode publish(String method, String body, boolean base64) {
        String sent = base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body;
        return FunctionInvoker.invoke(WebSocketEvents.fill("publish", Map.of("method", method, "body", sent,
                "base64", base64)));
    }
}
