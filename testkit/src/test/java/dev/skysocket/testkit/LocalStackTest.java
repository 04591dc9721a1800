package dev.skysocket.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.api.EmitReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@SkysocketTest(app = RoomsApp.class)
class LocalStackTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void echoAcksItsArgumentsThroughApiGateway(LocalStack stack) {
        try (TestClient client = stack.connectApiGateway("/")) {
            ArrayNode ack = client.emitWithAck("echo", "hi", 42, Map.of("k", List.of(true, "välue")));

            assertThat(ack).hasSize(3);
            assertThat(ack.get(0).asText()).isEqualTo("hi");
            assertThat(ack.get(1).intValue()).isEqualTo(42);
            assertThat(ack.get(2)).isEqualTo(JSON.objectNode().set("k", JSON.arrayNode().add(true).add("välue")));
        }
    }

    @Test
    void echoAcksItsArgumentsThroughTheFallbackGateway(LocalStack stack) {
        try (TestClient client = stack.connectFallback("/")) {
            ArrayNode ack = client.emitWithAck("echo", JSON.objectNode().put("n", 1.5).putNull("nothing"));

            assertThat(ack).containsExactly(JSON.objectNode().put("n", 1.5).putNull("nothing"));
        }
    }

    @Test
    void bytesGoBothWaysOnBothPathsAsBase64TextOnApiGateway(LocalStack stack) {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        try (TestClient viaApiGateway = stack.connectApiGateway("/");
             TestClient viaFallback = stack.connectFallback("/")) {
            ArrayNode first = viaApiGateway.emitWithAck("echo", "file", bytes);
            ArrayNode second = viaFallback.emitWithAck("echo", Map.of("nested", bytes));

            assertThat(first).containsExactly(JSON.textNode("file"), JSON.binaryNode(bytes));
            assertThat(second).containsExactly(JSON.objectNode().set("nested", JSON.binaryNode(bytes)));
        }
    }

    @Test
    void anEventFromAnApiGatewayClientReachesAFallbackClientInTheSameRoom(LocalStack stack) {
        try (TestClient sender = stack.connectApiGateway("/");
             TestClient receiver = stack.connectFallback("/")) {
            assertThat(receiver.emitWithAck("join", "kitchen").get(0).asText()).isEqualTo("kitchen");
            sender.emitWithAck("join", "kitchen");

            sender.emitWithAck("say", "kitchen", Map.of("msg", "dinner"));

            assertThat(receiver.awaitEvent("said")).containsExactly(JSON.objectNode().put("msg", "dinner"));
        }
    }

    @Test
    void aNamespaceThatRefusesTheClientFailsTheConnectWithItsReason(LocalStack stack) {
        assertThatThrownBy(() -> stack.connectApiGateway("/private"))
                .isInstanceOfSatisfying(ConnectFailed.class, e -> assertThat(e.reason()).isEqualTo("unauthorized"));
        assertThatThrownBy(() -> stack.connectFallback("/private"))
                .isInstanceOfSatisfying(ConnectFailed.class, e -> assertThat(e.reason()).isEqualTo("unauthorized"));
        assertThatThrownBy(() -> stack.connectApiGateway("/nowhere"))
                .isInstanceOfSatisfying(ConnectFailed.class,
                        e -> assertThat(e.reason()).isEqualTo("Invalid namespace"));

        try (TestClient admitted = stack.connectApiGateway("/private", Map.of("token", "t"));
             TestClient alsoAdmitted = stack.connectFallback("/private", Map.of("token", "t"))) {
            assertThat(admitted.connected()).isTrue();
            assertThat(alsoAdmitted.emitWithAck("echo", "in").get(0).asText()).isEqualTo("in");
        }
    }

    @Test
    void awaitEventFailsWithAnAssertionErrorThatSaysWhatCameInstead(LocalStack stack) {
        try (TestClient client = stack.connectApiGateway("/")) {
            stack.emitter("default").of("/").emit("other", "x");
            client.awaitEvent("other");

            assertThatThrownBy(() -> client.awaitEvent("never", Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no 'never' event within PT0.3S")
                    .hasMessageContaining("other [\"x\"]");
        }
    }

    @Test
    void theEmitterReachesJoinedClientsOfBothPaths(LocalStack stack) {
        try (TestClient viaApiGateway = stack.connectApiGateway("/");
             TestClient viaFallback = stack.connectFallback("/")) {
            viaApiGateway.emitWithAck("join", "news");
            viaFallback.emitWithAck("join", "news");

            EmitReport report = stack.emitter("default").of("/").to("news").emit("headline", "rain");

            assertThat(report.delivered()).isEqualTo(2);
            assertThat(viaApiGateway.awaitEvent("headline")).containsExactly(JSON.textNode("rain"));
            assertThat(viaFallback.awaitEvent("headline")).containsExactly(JSON.textNode("rain"));
        }
    }

    @Test
    void awaitEventReturnsEachOccurrenceOnceInArrivalOrder(LocalStack stack) {
        try (TestClient client = stack.connectFallback("/")) {
            client.emitWithAck("join", "ticks");
            for (int i = 1; i <= 3; i++) {
                stack.emitter("default").of("/").to("ticks").emit("tick", i);
            }

            List<JsonNode> ticks = List.of(client.awaitEvent("tick").get(0), client.awaitEvent("tick").get(0),
                    client.awaitEvent("tick").get(0));

            assertThat(ticks).extracting(JsonNode::intValue).containsExactly(1, 2, 3);
        }
    }

    @Test
    void closeLeavesTheNamespace(LocalStack stack) {
        TestClient client = stack.connectApiGateway("/");
        assertThat(client.connected()).isTrue();

        client.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !client.connected());
    }
}
