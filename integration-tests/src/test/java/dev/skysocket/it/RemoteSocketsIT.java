package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example app's members, gather and kick with the real socket.io-client, over a room spread across the API
 * Gateway emulator and the fallback gateway, the admin on either path: the room's sockets are listed, gathered
 * into another room a broadcast then reaches on both paths, and kicked, each connection closed on its own path.
 */
@Timeout(120)
class RemoteSocketsIT {
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

    @ParameterizedTest(name = "admin on {0}")
    @ValueSource(strings = {"apigw", "gateway"})
    void membersGatherAndKickReachSocketsOnBothPaths(String adminOn) {
        JsonNode seen = NodeScenario.of("remote-sockets.mjs", target.websocketUrl(), target.path(),
                target.requireGatewayUrl(), adminOn).run().succeeded();
        String a = seen.path("ids").path("a").asText();
        String b = seen.path("ids").path("b").asText();
        String c = seen.path("ids").path("c").asText();

        List<String> crew = texts(seen.path("crew"));
        assertThat(texts(seen.path("membersFromApiGateway"))).as("members asked on API Gateway")
                .isEqualTo(crew).containsExactlyInAnyOrder(a, b).isSorted();
        assertThat(texts(seen.path("membersFromGateway"))).as("members asked on the gateway").isEqualTo(crew);

        assertThat(texts(seen.path("gathered"))).containsExactly("deck");
        assertThat(texts(seen.path("deck"))).containsExactlyInAnyOrder(a, b, c).isSorted();
        for (String who : List.of("a", "b")) {
            JsonNode heard = seen.path("heard").path(who);
            assertThat(heard).as(who + " hears the broadcast to the gathered room").hasSize(1);
            assertThat(heard.get(0).get(0).path("msg").asText()).isEqualTo("all hands");
        }
        assertThat(seen.path("heard").path("c")).as("the sender is left out").isEmpty();

        assertThat(texts(seen.path("kicked"))).containsExactly("crew");
        assertThat(seen.path("reasons").path("a").get(0).asText()).isEqualTo("transport close");
        assertThat(seen.path("reasons").path("b").get(0).asText()).isEqualTo("transport close");
        assertThat(seen.path("engines").path("a").asText()).isEqualTo("closed");
        assertThat(seen.path("engines").path("b").asText()).isEqualTo("closed");
        assertThat(seen.path("connected").path("c").asBoolean()).as("a socket outside the room stays").isTrue();
        assertThat(seen.path("crewAfter")).isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
