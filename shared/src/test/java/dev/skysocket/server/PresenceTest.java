package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.api.PresenceMember;
import dev.skysocket.api.SocketApp;
import dev.skysocket.testing.ApiGatewayEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Presence rooms behind the API Gateway routes: one member per user however many sockets they watch with,
 * announced once on the first socket and once on the last one's leave or disconnect.
 */
class PresenceTest {
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Integer> roomCounts = new CopyOnWriteArrayList<>();
    private volatile List<String> lastListing = List.of();
    private volatile List<PresenceMember> lastMembers = List.of();
    private volatile Map<String, String> lastHandshakeClaims = Map.of();
    private final List<PresenceMember> changed = new CopyOnWriteArrayList<>();
    private final SocketApp app = io -> io.of("/")
            .on("watch", (socket, args, ack) -> {
                socket.joinPresence(args.text(0));
                lastMembers = socket.presence(args.text(0));
                lastHandshakeClaims = socket.handshake().claims();
                lastListing = lastMembers.stream().map(PresenceMember::id).toList();
                roomCounts.add(socket.rooms().size());
                ack.send();
            })
            .on("unwatch", (socket, args, ack) -> socket.leave(args.text(0)))
            .on("say", (socket, args, ack) -> socket.to(args.text(0)).emit("said"))
            .onPresence((socket, change) -> {
                heard.add(change.member().id() + " " + change.member().user() + " " + change.state().wireName());
                changed.add(change.member());
                socket.to(change.room()).emit("presence", change.member().id(), change.state().wireName());
            });
    private final SocketLayerHarness layer = new SocketLayerHarness(app);

    @AfterEach
    void close() {
        layer.close();
    }

    @Test
    void aUserWithThreeSocketsIsOneMemberUntilTheLastOneLeaves() {
        String bob = layer.joined("/");
        layer.send(bob, "42[\"watch\",\"deck\"]");
        assertThat(heard).as("bob's own arrival").hasSize(1);
        heard.clear();
        List<String> alice = List.of(connectAs("alice"), connectAs("alice"), connectAs("alice"));
        for (String connection : alice) {
            layer.send(connection, "42[\"watch\",\"deck\"]");
        }
        assertThat(heard).containsExactly("alice \"alice\" joined");
        assertThat(lastListing).as("one entry for alice, one for bob's socket, sorted").hasSize(2).contains("alice")
                .isSorted();
        assertThat(layer.posts(bob)).filteredOn(frame -> frame.contains("presence"))
                .containsExactly("42[\"presence\",\"alice\",\"joined\"]");

        layer.disconnect(alice.get(0));
        layer.send(alice.get(1), "42[\"unwatch\",\"deck\"]");
        assertThat(heard).as("two of three sockets gone: alice is still there").hasSize(1);
        layer.disconnect(alice.get(2));
        assertThat(heard).containsExactly("alice \"alice\" joined", "alice \"alice\" left");
        assertThat(layer.posts(bob)).filteredOn(frame -> frame.contains("presence"))
                .containsExactly("42[\"presence\",\"alice\",\"joined\"]", "42[\"presence\",\"alice\",\"left\"]");
    }

    @Test
    void anAnonymousSocketIsAMemberByItsSocketIdAndWatchingTwiceAnnouncesOnce() {
        String watcher = layer.joined("/");
        layer.send(watcher, "42[\"watch\",\"deck\"]");
        layer.send(watcher, "42[\"watch\",\"deck\"]");
        assertThat(heard).hasSize(1).first().asString().endsWith(" null joined").doesNotStartWith("alice");
        assertThat(roomCounts).as("the marker room is not one of socket.rooms(): own id room and deck")
                .containsOnly(2);

        layer.send(watcher, "42[\"unwatch\",\"deck\"]");
        assertThat(heard).hasSize(2).last().asString().endsWith(" null left");
        layer.send(watcher, "42[\"watch\",\"deck\"]");
        assertThat(heard).as("back after leaving: a new arrival").hasSize(3).last().asString().endsWith(" joined");
    }

    @Test
    void aMembersInfoCarriesTheAuthorizersClaimsInTheListingAndTheChanges() {
        // What API Gateway hands $connect: the authorizer's context plus its own principalId and latency.
        String alice = connectAs(Map.of("tenant", "default", "user", "alice", "principalId", "alice",
                "role", "editor", "credentialParams", "token", "integrationLatency", 12));
        layer.send(alice, "42[\"watch\",\"deck\"]");

        PresenceMember expected = new PresenceMember("alice", JsonNodeFactory.instance.textNode("alice"),
                Map.of("role", "editor"));
        assertThat(lastMembers).containsExactly(expected);
        assertThat(lastMembers.get(0).info().toString())
                .isEqualTo("{\"user\":\"alice\",\"claims\":{\"role\":\"editor\"}}");
        assertThat(changed).containsExactly(expected);
        assertThat(lastHandshakeClaims).as("the same claims on the socket's handshake").isEqualTo(
                Map.of("role", "editor"));

        layer.disconnect(alice);
        assertThat(changed).as("left with the same info").containsExactly(expected, expected);
    }

    @Test
    void aMemberWhoseConnectionIsGoneWhenAFanOutReachesItLeavesOnceAndTheOthersHearIt() {
        String bob = layer.joined("/");
        layer.send(bob, "42[\"watch\",\"deck\"]");
        String alice = connectAs("alice");
        layer.send(alice, "42[\"watch\",\"deck\"]");
        heard.clear();
        layer.api.markGone(alice); // AWS lost alice's $disconnect: the next post to her answers 410

        layer.send(bob, "42[\"say\",\"deck\"]");
        layer.send(bob, "42[\"say\",\"deck\"]");

        assertThat(heard).containsExactly("alice \"alice\" left");
        assertThat(layer.posts(bob)).filteredOn(frame -> frame.contains("presence"))
                .containsExactly("42[\"presence\",\"alice\",\"joined\"]", "42[\"presence\",\"alice\",\"left\"]");
        assertThat(layer.runtime.context().connections().find(alice)).as("her items went with the 410").isEmpty();
        layer.send(bob, "42[\"watch\",\"deck\"]");
        assertThat(lastListing).as("bob's socket alone is left in the room").hasSize(1).doesNotContain("alice");
    }

    /** A connection whose authorizer named a user, as a Lambda authorizer's context does. */
    private String connectAs(String user) {
        return connectAs(Map.of("tenant", "default", "user", user, "principalId", user));
    }

    private String connectAs(Map<String, Object> authorizer) {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        var event = ApiGatewayEvents.event(id, "$connect", "CONNECT", null,
                Map.of("EIO", "4", "transport", "websocket"), Map.of());
        event.getRequestContext().setAuthorizer(authorizer);
        assertThat(layer.runtime.connect().handle(event).getStatusCode()).isEqualTo(200);
        layer.send(id, "40");
        return id;
    }
}
