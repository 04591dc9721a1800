package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.testkit.LocalStack;
import dev.skysocket.testkit.SkysocketTest;
import dev.skysocket.testkit.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app on the local stack, with real Socket.IO clients on both paths. */
@SkysocketTest
class AppTest {

    @Test
    void echoAnswersWithTheSameArgumentsOnBothPaths(LocalStack stack) {
        try (TestClient viaApiGateway = stack.connectApiGateway("/");
             TestClient viaFallback = stack.connectFallback("/")) {
            ArrayNode first = viaApiGateway.emitWithAck("echo", "hello", 42);
            ArrayNode second = viaFallback.emitWithAck("echo", "hello", 42);

            assertEquals("[\"hello\",42]", first.toString());
            assertEquals(first, second);
        }
    }

    @Test
    void whatOneMemberSaysReachesTheOtherAcrossPaths(LocalStack stack) {
        try (TestClient alice = stack.connectApiGateway("/");
             TestClient bob = stack.connectFallback("/")) {
            alice.emitWithAck("join", "lobby");
            bob.emitWithAck("join", "lobby");

            alice.emitWithAck("say", Map.of("room", "lobby", "msg", "hi bob"));
            JsonNode said = bob.awaitEvent("said").get(0);

            assertEquals("hi bob", said.path("msg").asText());
            assertEquals(alice.id(), said.path("from").asText());
        }
    }
}
