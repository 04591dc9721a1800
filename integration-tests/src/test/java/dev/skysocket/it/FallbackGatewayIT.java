package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.ConnectionRecord;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stock socket.io-client v4 under Node against the fallback gateway of the local stack, in its three setups:
 * {@code default} (socket.io-client's own transports: polling, then the websocket upgrade), {@code polling} and
 * {@code websocket}. Clients pass {@code withCredentials: true}, the Node client's cookie jar, as a browser keeps
 * cookies: their polling sessions lock to their secret cookie. Clients without it: {@code MixedPathsIT} and
 * {@code StockClientForwardingIT}.
 */
@Timeout(120)
class FallbackGatewayIT {
    private static TestStack.Target target;

    @BeforeAll
    static void startStack() {
        target = TestStack.target();
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    private static NodeScenario scenario(String script, String setup) {
        return NodeScenario.of(script, target.requireGatewayUrl()).clientSetup(setup);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "polling", "websocket"})
    void aClientConnectsOnItsTransportGetsBinaryBackAndHearsAnEmitFromJava(String setup) {
        LocalRunner runner = target.localStack("the gateway's emitter and direct DynamoDB reads");
        JsonNode seen;
        String engineId;
        try (NodeScenario.Running running = scenario("fallback.mjs", setup).start()) {
            JsonNode ids = running.awaitCheckpoint("connected");
            engineId = ids.path("engineId").asText();
            Optional<ConnectionRecord> stored = runner.gateway().node().context().connections().find(engineId);
            assertThat(stored).as("the session's item").isPresent();
            assertThat(stored.get().endpoint()).as("fan-out reaches it through the node's private API")
                    .isEqualTo(runner.gateway().managementUrl());
            runner.gateway().emitter("default").of("/").to(ids.path("socketId").asText())
                    .emit("news", "from java", new byte[] {1, 2, 3});
            running.resume();
            seen = running.await().succeeded();
        }
        String first = setup.equals("websocket") ? "websocket" : "polling";
        String last = setup.equals("polling") ? "polling" : "websocket";
        assertThat(seen.path("firstTransport").asText()).isEqualTo(first);
        assertThat(seen.path("transport").asText()).as("after the upgrade, if any").isEqualTo(last);
        assertThat(seen.path("engineId").asText()).isEqualTo(engineId);
        assertThat(seen.path("binaryIsBuffer").asBoolean()).as("a Buffer comes back as binary").isTrue();
        assertThat(seen.path("echoed").get(0).path("$binary").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, 127, (byte) 128, (byte) 254,
                        (byte) 255}));
        assertThat(seen.path("news")).hasSize(1);
        assertThat(seen.path("news").get(0).get(0).asText()).isEqualTo("from java");
        assertThat(seen.path("news").get(0).get(1).path("$binary").asText()).isEqualTo("AQID");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "polling", "websocket"})
    void acksCarryBackEveryArgumentShapeIncludingNativeBinary(String setup) {
        JsonNode seen = scenario("acks.mjs", setup).run().succeeded();

        assertThat(seen.path("cases")).hasSizeGreaterThan(10);
        for (JsonNode shape : seen.path("cases")) {
            assertThat(shape.path("got")).as(shape.path("name").asText()).isEqualTo(shape.path("sent"));
        }
        assertThat(seen.path("concurrent")).hasSize(25);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "polling", "websocket"})
    void aRoomMessageReachesTheOtherMembersOnlyAndStopsAfterLeaving(String setup) {
        JsonNode seen = scenario("rooms.mjs", setup).run().succeeded();

        JsonNode heard = seen.path("heard");
        String a = seen.path("ids").path("a").asText();
        assertThat(heard.path("a")).as("the sender").isEmpty();
        assertThat(heard.path("b")).as("the other member, then the leaver").hasSize(1);
        assertThat(heard.path("b").get(0).get(0).path("from").asText()).isEqualTo(a);
        assertThat(heard.path("c")).as("a non-member, then a member").hasSize(1);
        assertThat(heard.path("c").get(0).get(0).path("msg").asText()).isEqualTo("after leave");
    }
}
