package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.apigw.ApiGatewayRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The {@code connect} function, driven through the mock event server with real {@code $connect} events. */
@QuarkusTest
@TestProfile(HandlerProfiles.Connect.class)
class ConnectHandlerTest {
    @Inject
    ApiGatewayRuntime runtime;

    @Test
    void anEngineIo4WebSocketConnectIsAcceptedStoredAndSentItsOpenPacket() {
        String id = WebSocketEvents.newConnectionId();

        var response = FunctionInvoker.invoke(WebSocketEvents.connect(id, "4"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);

        var stored = runtime.context().connections().find(id);
        assertThat(stored).hasValueSatisfying(c -> {
            assertThat(c.endpoint()).isEqualTo(LambdaBackends.stub().endpoint());
            assertThat(c.sourceIp()).isEqualTo("203.0.113.7");
            assertThat(c.headers()).containsEntry("origin", "https://chat.example.com");
        });
        await().atMost(OpenedConnections.WAIT).untilAsserted(() -> assertThat(LambdaBackends.stub().postsTo(id))
                .singleElement().asString().startsWith("0{\"sid\":\"" + id + "\""));
    }

    @Test
    void anEngineIo3ConnectIsRefusedWith400AndNothingIsStored() {
        String id = WebSocketEvents.newConnectionId();

        var response = FunctionInvoker.invoke(WebSocketEvents.connect(id, "3"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(runtime.context().connections().find(id)).isEmpty();
        assertThat(LambdaBackends.stub().requestsFor(id)).isEmpty();
    }
}
