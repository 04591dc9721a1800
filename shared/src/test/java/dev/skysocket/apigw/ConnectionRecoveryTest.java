package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.api.SocketApp;
import dev.skysocket.store.SocketRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connection state recovery through the API Gateway routes, on DynamoDB Local: what a drop keeps, what a
 * recovering CONNECT gives back and in which order, and what never recovers.
 */
class ConnectionRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String R = "/r";
    private final List<Boolean> recoveredAtConnection = new CopyOnWriteArrayList<>();
    private final RouteHarness routes = new RouteHarness(app(), Map.of());

    @AfterEach
    void close() {
        routes.close();
    }

    private SocketApp app() {
        return io -> {
            for (String namespace : List.of("/", R)) {
                io.of(namespace)
                        .onConnection(socket -> recoveredAtConnection.add(socket.recovered()))
                        .on("join", (socket, args, ack) -> socket.join(args.text(0)))
                        .on("name", (socket, args, ack) -> socket.data().put("name", args.text(0)))
                        .on("say", (socket, args, ack) -> socket.to(args.text(0)).emit("said", args.get(1)))
                        .on("echo", (socket, args, ack) -> socket.emitWithoutReplay("echo", args))
                        .on("tell", (socket, args, ack) -> socket.emit("told", args.get(0)));
            }
            io.of(R).connectionStateRecovery(Duration.ofMinutes(2));
        };
    }

    @Test
    void aDroppedSocketComesBackWithItsIdRoomsDataAndEveryMissedPacketOnceInOrder() {
        String a = routes.connect();
        JsonNode first = connectTo(a, "");
        routes.send(a, "42/r,[\"join\",\"room1\"]");
        routes.send(a, "42/r,[\"name\",\"ann\"]");
        String b = routes.connect();
        connectTo(b, "");
        routes.send(b, "42/r,[\"say\",\"room1\",\"m1\"]");
        ArrayNode heard = event(lastPost(a));
        assertThat(heard.get(1).asText()).isEqualTo("m1");
        String lastOffset = heard.get(2).asText();

        routes.disconnect(a);
        routes.send(b, "42/r,[\"say\",\"room1\",\"m2\"]");
        routes.send(b, "42/r,[\"say\",\"room2\",\"m3\"]");                 // not a room of a's
        routes.runtime.emitter("default").of(R).to(first.path("sid").asText()).emit("told", "m4");
        routes.runtime.emitter("default").of(R).except("room1").emit("all", "m5"); // a's room is excepted
        routes.runtime.emitter("default").of(R).emit("all", "m6");
        routes.runtime.emitter("default").of("/").emit("all", "other namespace");

        String c = routes.connect();
        int before = routes.posts(c).size();
        JsonNode answer = connectTo(c, "{\"pid\":\"" + first.path("pid").asText() + "\",\"offset\":\"" + lastOffset + "\"}");
        List<String> after = routes.posts(c).subList(before + 1, routes.posts(c).size());

        assertThat(answer.path("sid").asText()).isEqualTo(first.path("sid").asText());
        assertThat(answer.path("pid").asText()).isEqualTo(first.path("pid").asText());
        assertThat(after).extracting(frame -> event(frame).get(1).asText()).containsExactly("m2", "m4", "m6");
        assertThat(after).extracting(frame -> event(frame).get(2).asText()).isSorted()
                .allMatch(offset -> offset.compareTo(lastOffset) > 0);
        SocketRecord restored = routes.runtime.context().sockets().findSocket(c, R).orElseThrow();
        assertThat(restored.socketId()).isEqualTo(first.path("sid").asText());
        assertThat(restored.rooms()).contains("room1");
        assertThat(restored.dataJson()).contains("ann");
        assertThat(recoveredAtConnection).containsExactly(false, false, true);

        routes.send(b, "42/r,[\"say\",\"room1\",\"live\"]");
        assertThat(event(lastPost(c)).get(1).asText()).as("the recovered socket is in its room again").isEqualTo("live");
    }

    @Test
    void aPidGivesItsSocketBackOnceOnly() {
        String a = routes.connect();
        JsonNode first = connectTo(a, "");
        routes.disconnect(a);
        String pid = "{\"pid\":\"" + first.path("pid").asText() + "\"}";

        JsonNode again = connectTo(routes.connect(), pid);
        JsonNode twice = connectTo(routes.connect(), pid);

        assertThat(again.path("sid").asText()).isEqualTo(first.path("sid").asText());
        assertThat(twice.path("sid").asText()).isNotEqualTo(first.path("sid").asText());
    }

    @Test
    void aSocketTheClientDisconnectedIsNotKept() {
        String a = routes.connect();
        JsonNode first = connectTo(a, "");
        routes.send(a, "41/r,");
        routes.disconnect(a);

        JsonNode next = connectTo(routes.connect(), "{\"pid\":\"" + first.path("pid").asText() + "\"}");

        assertThat(next.path("sid").asText()).isNotEqualTo(first.path("sid").asText());
    }

    @Test
    void aSocketPastTheMaximumDisconnectionDurationIsNotGivenBack() {
        String a = routes.connect();
        JsonNode first = connectTo(a, "");
        routes.disconnect(a);
        routes.clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        JsonNode next = connectTo(routes.connect(), "{\"pid\":\"" + first.path("pid").asText() + "\"}");

        assertThat(next.path("sid").asText()).isNotEqualTo(first.path("sid").asText());
        assertThat(recoveredAtConnection).containsExactly(false, false);
    }

    @Test
    void unknownOrMalformedRecoveryFieldsGiveANewSocketAndKeepTheConnection() {
        for (String auth : List.of("{\"pid\":12}", "{\"pid\":\"" + "x".repeat(10_000) + "\"}", "{\"pid\":\"\"}",
                "{\"pid\":\"unknown\",\"offset\":\"zz\"}", "{\"pid\":{\"a\":1},\"offset\":[1]}")) {
            String id = routes.connect();
            JsonNode answer = connectTo(id, auth);
            assertThat(answer.path("sid").asText()).as(auth).isNotBlank();
            assertThat(answer.path("pid").asText()).as(auth).isNotBlank();
            assertThat(routes.closedByServer(id)).as(auth).isFalse();
        }
    }

    @Test
    void aNamespaceWithoutRecoveryAnswersNoPidAndAddsNoOffset() {
        String a = routes.connect();
        routes.send(a, "40");
        assertThat(routes.posts(a).get(routes.posts(a).size() - 1)).startsWith("40{").doesNotContain("pid");
        routes.send(a, "42[\"tell\",\"x\"]");
        assertThat(lastPost(a)).isEqualTo("42[\"told\",\"x\"]");
    }

    @Test
    void anEmitWithoutReplayCarriesExactlyItsArguments() {
        String a = routes.connect();
        connectTo(a, "");
        routes.send(a, "42/r,[\"echo\",\"x\",1]");
        assertThat(lastPost(a)).isEqualTo("42/r,[\"echo\",\"x\",1]");
        routes.send(a, "42/r,[\"tell\",\"x\"]");
        assertThat(event(lastPost(a))).hasSize(3);
    }

    /** CONNECT to /r with {@code auth} (JSON text, or empty): the answer's data. */
    private JsonNode connectTo(String connectionId, String auth) {
        routes.send(connectionId, "40/r," + auth);
        String answer = routes.posts(connectionId).stream().filter(frame -> frame.startsWith("40/r,"))
                .reduce((x, y) -> y).orElseThrow();
        return parse(answer.substring("40/r,".length()));
    }

    private String lastPost(String connectionId) {
        List<String> posts = routes.posts(connectionId);
        return posts.get(posts.size() - 1);
    }

    private static ArrayNode event(String frame) {
        return (ArrayNode) parse(frame.substring(frame.indexOf('[')));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
