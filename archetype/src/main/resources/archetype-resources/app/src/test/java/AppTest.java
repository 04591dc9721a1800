package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.testkit.LocalStack;
import dev.skysocket.testkit.SkysocketTest;
import dev.skysocket.testkit.TestClient;
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
    void whatOneClientSaysReachesTheOtherAcrossPaths(LocalStack stack) {
        try (TestClient alice = stack.connectApiGateway("/");
             TestClient bob = stack.connectFallback("/")) {
            alice.emitWithAck("say", "hi bob");

            ArrayNode said = bob.awaitEvent("said");

            assertEquals("hi bob", said.get(0).asText());
            assertEquals(alice.id(), said.get(1).asText());
        }
    }
}
