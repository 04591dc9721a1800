package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.apigw.ApiGatewayRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The {@code default} function: client frames in real {@code $default} events, answers at the stub. */
@QuarkusTest
@TestProfile(HandlerProfiles.Default.class)
class MessageHandlerTest {
    @Inject
    ApiGatewayRuntime runtime;

    @Test
    void aConnectToTheMainNamespaceIsAnsweredWithTheSocketId() {
        String id = OpenedConnections.open(runtime);

        send(id, "40");

        await().atMost(OpenedConnections.WAIT).untilAsserted(() -> assertThat(LambdaBackends.stub().postsTo(id))
                .anySatisfy(post -> assertThat(post).matches("40\\{\"sid\":\"[^\"]+\"}")));
    }

    @Test
    void anEventWithAnAckIdIsAcknowledgedWithTheSameArguments() {
        String id = OpenedConnections.connectedToMainNamespace(runtime);

        send(id, "421[\"echo\",\"x\"]");

        await().atMost(OpenedConnections.WAIT).untilAsserted(() -> assertThat(LambdaBackends.stub().postsTo(id))
                .contains("431[\"x\"]"));
    }

    @Test
    void anEventWithoutAnAckIdIsEchoedBackAsAnEvent() {
        String id = OpenedConnections.connectedToMainNamespace(runtime);

        send(id, "42[\"echo\",1]");

        await().atMost(OpenedConnections.WAIT).untilAsserted(() -> assertThat(LambdaBackends.stub().postsTo(id))
                .contains("42[\"echo\",1]"));
    }

    private static void send(String connectionId, String frame) {
        assertThat(FunctionInvoker.invoke(WebSocketEvents.message(connectionId, frame)).path("statusCode").asInt())
                .isEqualTo(200);
    }
}
