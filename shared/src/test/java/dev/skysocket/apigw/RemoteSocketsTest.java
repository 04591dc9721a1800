package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skysocket.api.DisconnectReason;
import dev.skysocket.api.Emitter;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.server.StoreEmitter;
import dev.skysocket.store.Member;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * fetchSockets, socketsJoin, socketsLeave and disconnectSockets on the API Gateway path's wiring, against DynamoDB
 * Local and a loopback Management API: sockets connected through the routes, acted on from a backend's emitter.
 */
class RemoteSocketsTest {
    private static final Pattern SID = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\"}$");

    private final RecordingApp app = new RecordingApp();
    private final RouteHarness routes = new RouteHarness(app, Map.of());
    private final Emitter emitter = new StoreEmitter(routes.runtime.context(), "default");

    @AfterEach
    void close() {
        routes.close();
    }

    @Test
    void fetchSocketsFollowsInAndExceptAndReturnsEachSocketsRoomsDataAndHandshake() {
        Client a = joined("red");
        Client b = joined("red", "blue");
        Client c = joined();
        routes.send(a.connectionId, "421[\"remember\",{\"nick\":\"al\"}]");

        assertThat(ids(emitter.of("/").in("red").fetchSockets())).containsExactlyInAnyOrder(a.sid, b.sid);
        assertThat(ids(emitter.of("/").in("red").except("blue").fetchSockets())).containsExactly(a.sid);
        assertThat(ids(emitter.of("/").in("red", "blue").fetchSockets())).containsExactlyInAnyOrder(a.sid, b.sid);
        assertThat(ids(emitter.of("/").fetchSockets())).contains(a.sid, b.sid, c.sid);
        assertThat(ids(emitter.of("/").except("red").fetchSockets())).contains(c.sid).doesNotContain(a.sid, b.sid);
        assertThat(emitter.of("/").in("nobody-here").fetchSockets()).isEmpty();

        RemoteSocket remote = emitter.of("/").in("blue").fetchSockets().get(0);
        assertThat(remote.rooms()).containsExactlyInAnyOrder(b.sid, "red", "blue");
        assertThat(remote.namespace()).isEqualTo("/");
        assertThat(remote.handshake().query()).containsEntry("EIO", "4");
        RemoteSocket al = emitter.of("/").in(a.sid).fetchSockets().get(0);
        assertThat(al.data().path("remembered").path("nick").asText()).isEqualTo("al");
    }

    @Test
    void aRemoteSocketEmitsJoinsLeavesAndDisconnectsItsLiveSocket() {
        Client a = joined("red");
        RemoteSocket remote = emitter.of("/").in("red").fetchSockets().get(0);

        remote.emit("hello", 1);
        remote.join("green", "gold");
        remote.leave("red");

        assertThat(routes.posts(a.connectionId)).contains("42[\"hello\",1]");
        assertThat(roomsOf(a)).containsExactlyInAnyOrder("green", "gold");
        remote.disconnect(false);
        assertThat(routes.posts(a.connectionId)).last().isEqualTo("41");
        assertThat(app.disconnects).containsExactly(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        assertThat(members("green")).isEmpty();
    }

    @Test
    void socketsJoinAndSocketsLeaveChangeEveryTargetSocketsRoomsAndBroadcastsFollow() {
        Client a = joined("red");
        Client b = joined("red", "blue");
        Client c = joined();

        emitter.of("/").in("red").except("blue").socketsJoin("green");
        emitter.of("/").in("red").socketsJoin("gold");

        assertThat(members("green")).containsExactly(a.sid);
        assertThat(members("gold")).containsExactlyInAnyOrder(a.sid, b.sid);
        assertThat(roomsOf(b)).containsExactlyInAnyOrder("red", "blue", "gold");
        emitter.of("/").to("gold").emit("news", "x");
        assertThat(routes.posts(a.connectionId)).contains("42[\"news\",\"x\"]");
        assertThat(routes.posts(b.connectionId)).contains("42[\"news\",\"x\"]");
        assertThat(routes.posts(c.connectionId)).doesNotContain("42[\"news\",\"x\"]");

        emitter.of("/").in("gold").socketsLeave("red", "gold");
        assertThat(members("red")).isEmpty();
        assertThat(members("gold")).isEmpty();
        assertThat(roomsOf(a)).containsExactly("green");
    }

    @Test
    void disconnectSocketsSendsDisconnectOrClosesTheConnectionsOfTheTargetOnly() {
        Client a = joined("red");
        Client b = joined("red");
        Client c = joined("blue");

        emitter.of("/").in("red").except(b.sid).disconnectSockets(false);
        assertThat(routes.posts(a.connectionId)).last().isEqualTo("41");
        assertThat(members("red")).containsExactly(b.sid);
        assertThat(routes.stored(a.connectionId)).isTrue(); // only the namespace was left

        emitter.of("/").in("red", "blue").disconnectSockets(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> routes.closedByServer(b.connectionId)
                && routes.closedByServer(c.connectionId));
        assertThat(routes.closedByServer(a.connectionId)).isFalse();
    }

    @Test
    void roomNamesAreCheckedBeforeAnySocketIsTouched() {
        Client a = joined("red");
        assertThatThrownBy(() -> emitter.of("/").in("red").socketsJoin("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emitter.of("/").in("red").socketsLeave("a\u0000b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(roomsOf(a)).containsExactly("red");
    }

    private record Client(String connectionId, String sid) {
    }

    /** A client connected to {@code /} through the routes, then joined to the rooms by its own events. */
    private Client joined(String... rooms) {
        String id = routes.connect();
        routes.send(id, "40");
        Matcher sid = SID.matcher(routes.posts(id).get(1));
        assertThat(sid.matches()).isTrue();
        for (String room : rooms) {
            routes.send(id, "42[\"join\",\"" + room + "\"]");
        }
        return new Client(id, sid.group(1));
    }

    private Set<String> roomsOf(Client client) {
        // The namespace-wide room is stored among them; its name starts with a control character no app room has.
        return routes.runtime.context().sockets().findSocket(client.connectionId, "/").orElseThrow().rooms()
                .stream().filter(room -> !room.startsWith("\u0000")).collect(Collectors.toSet());
    }

    private List<String> members(String room) {
        return StreamSupport.stream(routes.runtime.context().rooms().members("default", "/", room).spliterator(),
                false).map(Member::socketId).collect(Collectors.toList());
    }

    private static List<String> ids(List<RemoteSocket> sockets) {
        return sockets.stream().map(RemoteSocket::id).collect(Collectors.toList());
    }
}
