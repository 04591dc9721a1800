package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example app's watch(room) and presence events with the real socket.io-client, the watcher on one path and
 * the members on the other: a member's arrival and its leave are heard, and so is the departure of a member that
 * vanished without closing anything, which only the heartbeat finds (the sweep on the API Gateway path, the
 * gateway's own ping timer on the fallback). A user with a socket on each path (the local stack's query identity) is
 * one member, announced once, and gone only when the last socket has left.
 */
@Timeout(180)
class PresenceIT {
    /** Ping interval + ping timeout + a sweep pass, twice over, and slack for a loaded machine. */
    private static final long VANISH_WITHIN_MS =
            2 * (TestStack.PING_INTERVAL_MS + TestStack.PING_TIMEOUT_MS + TestStack.SWEEP_PERIOD_MS) + 5_000;
    private static TestStack.Target target;

    @BeforeAll
    static void startStack() {
        TestStack.assumeLocal("short heartbeat timers");
        target = TestStack.target();
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest(name = "watcher on {0}, members on {1}")
    @CsvSource({"apigw, gateway", "gateway, apigw", "apigw, apigw", "gateway, gateway"})
    void watchersHearMembersJoinLeaveAndVanish(String watcherOn, String othersOn) {
        JsonNode seen = NodeScenario.of("presence.mjs", target.websocketUrl(), target.path(),
                        target.requireGatewayUrl(), watcherOn, othersOn, Long.toString(VANISH_WITHIN_MS))
                .timeout(Duration.ofSeconds(120)).run().succeeded();
        String room = seen.path("room").asText();
        String w = seen.path("ids").path("w").asText();
        String a = seen.path("ids").path("a").asText();
        String b = seen.path("ids").path("b").asText();

        assertThat(memberIds(seen.path("alone"))).as("the first watcher sees itself").containsExactly(w);
        assertThat(seen.path("alone").get(0).path("user").isNull()).as("anonymous: no user info").isTrue();
        assertThat(memberIds(seen.path("withA"))).as("sorted by id, the caller included")
                .containsExactlyInAnyOrder(w, a).isSorted();
        assertThat(seen.path("aJoined").path("room").asText()).isEqualTo(room);
        assertThat(seen.path("aJoined").path("user").isNull()).isTrue();
        assertThat(memberIds(seen.path("withB"))).containsExactlyInAnyOrder(w, b).isSorted();
        assertThat(seen.path("bLeft").path("state").asText()).isEqualTo("left");
        assertThat(memberIds(seen.path("after"))).as("the vanished member is gone from the list").containsExactly(w);

        assertThat(memberIds(seen.path("withCarol"))).as("a user is a member by user id").containsExactlyInAnyOrder("carol", w)
                .isSorted();
        assertThat(userOf(seen.path("withCarol"), "carol")).as("her user info").isEqualTo("carol");
        assertThat(memberIds(seen.path("withCarolTwice"))).as("her second socket adds no entry")
                .containsExactlyInAnyOrder("carol", w);
        assertThat(memberIds(seen.path("afterOneCarolLeft"))).as("one of her sockets gone: still a member")
                .containsExactlyInAnyOrder("carol", w);
        assertThat(seen.path("heardBeforeLastCarol").asInt()).as("nothing announced for her first socket's leave")
                .isEqualTo(5);
        assertThat(seen.path("carolLeft").path("user").asText()).isEqualTo("carol");

        List<String> events = new ArrayList<>();
        seen.path("events").forEach(e -> events.add(e.path("id").asText() + " " + e.path("state").asText()));
        assertThat(events).as("each change heard once, in order").containsExactly(a + " joined", a + " left",
                b + " joined", b + " left", "carol joined", "carol left");
        System.out.printf("presence: watcher on %s, members on %s: vanished member's leave heard after %d ms%n",
                watcherOn, othersOn, seen.path("leftAfterMs").asLong());
    }

    private static String userOf(JsonNode members, String id) {
        for (JsonNode member : members) {
            if (member.path("id").asText().equals(id)) {
                return member.path("user").asText();
            }
        }
        return null;
    }

    private static List<String> memberIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(member -> ids.add(member.path("id").asText()));
        return ids;
    }
}
