package dev.skysocket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.testkit.ConnectFailed;
import dev.skysocket.testkit.LocalStack;
import dev.skysocket.testkit.SkysocketTest;
import dev.skysocket.testkit.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example app on the local stack, with stock Java clients on both paths. */
@Timeout(60)
@SkysocketTest(settings = "app.admin-token=test-token")
class ChatAppTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void echoAcksWithItsArgumentsOnBothPaths(LocalStack stack) {
        try (TestClient viaApiGateway = stack.connectApiGateway("/");
             TestClient viaFallback = stack.connectFallback("/")) {
            assertThat(viaApiGateway.emitWithAck("echo", "hello", 42))
                    .containsExactly(JSON.textNode("hello"), JSON.numberNode(42));
            assertThat(viaFallback.emitWithAck("echo", Map.of("k", "välue")))
                    .containsExactly(JSON.objectNode().put("k", "välue"));
        }
    }

    @Test
    void echoWithoutAnAckEmitsBackExactlyItsArgumentsWithNoRecoveryOffset(LocalStack stack) {
        try (TestClient viaApiGateway = stack.connectApiGateway("/");
             TestClient viaFallback = stack.connectFallback("/")) {
            viaApiGateway.emit("echo", "hello", 42);
            viaFallback.emit("echo", "hi");

            assertThat(viaApiGateway.awaitEvent("echo")).containsExactly(JSON.textNode("hello"), JSON.numberNode(42));
            assertThat(viaFallback.awaitEvent("echo")).containsExactly(JSON.textNode("hi"));
        }
    }

    @Test
    void sayReachesTheOtherMembersOfTheRoomAcrossThePaths(LocalStack stack) {
        try (TestClient alice = stack.connectApiGateway("/");
             TestClient bob = stack.connectFallback("/")) {
            assertThat(alice.emitWithAck("join", "lobby")).containsExactly(JSON.textNode("lobby"));
            assertThat(bob.emitWithAck("join", "lobby")).containsExactly(JSON.textNode("lobby"));

            assertThat(alice.emitWithAck("say", Map.of("room", "lobby", "msg", "hi bob"))).isEmpty();
            // "/" recovers dropped clients: each broadcast carries its offset as an extra last argument.
            ArrayNode heardByBob = bob.awaitEvent("said");
            assertThat(heardByBob).hasSize(2);
            assertThat(heardByBob.get(0)).isEqualTo(
                    JSON.objectNode().put("room", "lobby").put("msg", "hi bob").put("from", alice.id()));
            assertThat(heardByBob.get(1).asText()).matches("[0-9a-f]{24}");

            bob.emitWithAck("say", Map.of("room", "lobby", "msg", "hi alice"));
            ArrayNode heardByAlice = alice.awaitEvent("said");
            assertThat(heardByAlice.get(0)).isEqualTo(
                    JSON.objectNode().put("room", "lobby").put("msg", "hi alice").put("from", bob.id()));
            assertThat(heardByAlice.get(1).asText()).as("the offset").isGreaterThan(heardByBob.get(1).asText());
        }
    }

    @Test
    void askAcksWithTheClientsAnswerOnBothPaths(LocalStack stack) {
        try (TestClient viaApiGateway = stack.connectApiGateway("/");
             TestClient viaFallback = stack.connectFallback("/")) {
            viaApiGateway.answer("question", "forty-two");
            viaFallback.answer("question", Map.of("n", 42));

            assertThat(viaApiGateway.emitWithAck("ask", "meaning?"))
                    .containsExactly(JSON.objectNode().put("answer", "forty-two"));
            assertThat(viaApiGateway.awaitEvent("question")).containsExactly(JSON.textNode("meaning?"));
            assertThat(viaFallback.emitWithAck("ask", "meaning?"))
                    .containsExactly(JSON.objectNode().set("answer", JSON.objectNode().put("n", 42)));
        }
    }

    @Test
    void askAcksWithATimeoutWhenTheClientDoesNotAnswer(LocalStack stack) {
        try (TestClient viaApiGateway = stack.connectApiGateway("/");
             TestClient viaFallback = stack.connectFallback("/")) {
            assertThat(viaApiGateway.emitWithAck("ask", "anyone?"))
                    .containsExactly(JSON.objectNode().put("error", "timeout"));
            assertThat(viaFallback.emitWithAck("ask", "anyone?"))
                    .containsExactly(JSON.objectNode().put("error", "timeout"));
        }
    }

    @Test
    void sayWithoutARoomIsAnsweredWithAnError(LocalStack stack) {
        try (TestClient client = stack.connectApiGateway("/")) {
            ArrayNode ack = client.emitWithAck("say", Map.of("msg", "to nobody"));

            assertThat(ack).containsExactly(JSON.objectNode().put("error", "say needs {room, msg}"));
        }
    }

    @Test
    void adminRefusesAClientWithoutTheTokenAndAdmitsOneWithIt(LocalStack stack) {
        assertThatThrownBy(() -> stack.connectApiGateway("/admin"))
                .isInstanceOfSatisfying(ConnectFailed.class, e -> assertThat(e.reason()).isEqualTo("unauthorized"));
        // The default token no longer opens it: the test's setting reached the app.
        assertThatThrownBy(() -> stack.connectFallback("/admin", Map.of("token", ChatApp.DEFAULT_ADMIN_TOKEN)))
                .isInstanceOfSatisfying(ConnectFailed.class, e -> assertThat(e.reason()).isEqualTo("unauthorized"));

        try (TestClient viaApiGateway = stack.connectApiGateway("/admin", Map.of("token", "test-token"));
             TestClient viaFallback = stack.connectFallback("/admin", Map.of("token", "test-token"))) {
            assertThat(viaApiGateway.emitWithAck("echo", "in")).containsExactly(JSON.textNode("in"));
            assertThat(viaFallback.emitWithAck("echo", "in")).containsExactly(JSON.textNode("in"));
        }
    }
}
