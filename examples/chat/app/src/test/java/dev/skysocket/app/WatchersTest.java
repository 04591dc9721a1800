package dev.skysocket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.testkit.LocalStack;
import dev.skysocket.testkit.SkysocketTest;
import dev.skysocket.testkit.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** watch(room) and the presence events, one watcher on each path. */
@Timeout(60)
@SkysocketTest
class WatchersTest {

    @Test
    void watchersHearEachOthersArrivalAndDepartureAcrossThePaths(LocalStack stack) {
        String room = "deck-" + System.nanoTime();
        try (TestClient alice = stack.connectApiGateway("/")) {
            assertThat(ids(alice.emitWithAck("watch", room).get(0))).containsExactly(alice.id());
            String bobId;
            try (TestClient bob = stack.connectFallback("/")) {
                bobId = bob.id();
                ArrayNode members = bob.emitWithAck("watch", room);
                assertThat(ids(members.get(0))).containsExactlyInAnyOrder(alice.id(), bobId).isSorted();
                assertThat(members.get(0).get(0).path("user").isNull()).as("anonymous: no user info").isTrue();

                JsonNode joined = alice.awaitEvent("presence").get(0);
                assertThat(joined.path("room").asText()).isEqualTo(room);
                assertThat(joined.path("id").asText()).isEqualTo(bobId);
                assertThat(joined.path("state").asText()).isEqualTo("joined");
            }
            JsonNode left = alice.awaitEvent("presence").get(0);
            assertThat(left.path("id").asText()).isEqualTo(bobId);
            assertThat(left.path("state").asText()).as("bob's client disconnected").isEqualTo("left");
            assertThat(ids(alice.emitWithAck("watch", room).get(0))).containsExactly(alice.id());
        }
    }

    @Test
    void watchWithoutARoomIsAnsweredWithAnError(LocalStack stack) {
        try (TestClient client = stack.connectFallback("/")) {
            assertThat(client.emitWithAck("watch", "").get(0).path("error").asText()).isNotEmpty();
        }
    }

    private static List<String> ids(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(member -> ids.add(member.path("id").asText()));
        return ids;
    }
}
