package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.Member;
import dev.skysocket.store.SocketRecord;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stock socket.io-client under Node emits many events at once, each changing a different part of its socket's
 * state, through the emulator in its default (AWS-like) concurrent order: the handlers overlap, and every change
 * must be in the store afterwards (DESIGN §4: per-connection state is written atomically).
 */
@Timeout(120)
class ConcurrentEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalRunner stack;

    @BeforeAll
    static void start() {
        TestStack.assumeLocal("an app of its own");
        stack = TestStack.start(new StateApp());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void eventsEmittedWithoutWaitingEachKeepTheirDataKeyAndRoom() throws Exception {
        JsonNode seen;
        try (NodeScenario.Running running = NodeScenario.of("concurrent-state.mjs", stack.websocketUrl(),
                TestStack.path(stack)).start()) {
            seen = running.awaitCheckpoint("landed");
            assertStored(seen);
            running.resume();
            running.await().succeeded();
        }
    }

    private static void assertStored(JsonNode seen) throws Exception {
        int count = seen.path("count").asInt();
        assertThat(count).isPositive();
        SocketRecord socket = stack.runtime().context().sockets()
                .findSocket(seen.path("engineId").asText(), "/").orElseThrow();
        assertThat(socket.socketId()).isEqualTo(seen.path("socketId").asText());
        JsonNode data = JSON.readTree(socket.dataJson());
        for (int i = 0; i < count; i++) {
            assertThat(data.path("key" + i).path("i").asInt(-1)).as("key%d", i).isEqualTo(i);
            assertThat(socket.rooms()).contains("room" + i);
            assertThat(StreamSupport.stream(stack.runtime().context().rooms()
                    .members(socket.tenant(), "/", "room" + i).spliterator(), false).map(Member::socketId))
                    .as("members of room%d", i).containsExactly(socket.socketId());
        }
    }

    /** {@code set(key, value)}, {@code join(room)}, and {@code state()}: the socket's data and rooms. */
    private static final class StateApp implements SocketApp {
        @Override
        public void configure(SocketServer io) {
            io.of("/")
                    .on("set", (socket, args, ack) -> {
                        socket.data().set(args.text(0), args.get(1));
                        ack.send();
                    })
                    .on("join", (socket, args, ack) -> {
                        socket.join(args.text(0));
                        ack.send();
                    })
                    .on("state", (socket, args, ack) -> {
                        ArrayNode rooms = JSON.createArrayNode();
                        socket.rooms().forEach(rooms::add);
                        ObjectNode state = JSON.createObjectNode();
                        state.set("data", socket.data());
                        state.set("rooms", rooms);
                        ack.send(state);
                    });
        }
    }
}
