package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.ConnectRefused;
import dev.skysocket.api.SocketApp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Namespaces declared by a pattern or a test of the name, each with its own middleware and handlers. */
class DynamicNamespaceTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final SocketApp app = io -> {
        io.of("/room-0").onConnection(socket -> seen.add("static " + socket.namespace()));
        io.of(Pattern.compile("/room-\\d+"))
                .use(socket -> {
                    if (socket.namespace().equals("/room-13")) {
                        throw new ConnectRefused("unlucky");
                    }
                })
                .onConnection(socket -> seen.add("pattern " + socket.namespace()))
                .on("where", (socket, args, ack) -> ack.send(socket.namespace()));
        io.of(name -> name.startsWith("/team-")).onConnection(socket -> seen.add("predicate " + socket.namespace()));
    };
    private final SocketLayerHarness layer = new SocketLayerHarness(app);

    @AfterEach
    void close() {
        layer.close();
    }

    @Test
    void aMatchingNameGetsASocketNamedAfterItWithThePatternsHandlers() {
        String id = layer.joined("/room-42");
        assertThat(layer.posts(id)).last().asString().startsWith("40/room-42,{\"sid\":");
        layer.send(id, "42/room-42,5[\"where\"]");
        assertThat(layer.posts(id)).last().isEqualTo("43/room-42,5[\"/room-42\"]");
        assertThat(seen).containsExactly("pattern /room-42");
    }

    @Test
    void theMiddlewareOfTheDynamicNamespaceSeesTheConcreteName() {
        String id = layer.joined("/room-13");
        assertThat(layer.posts(id)).last().isEqualTo("44/room-13,{\"message\":\"unlucky\"}");
    }

    @Test
    void aStaticNameWinsAndAPredicateServesItsNames() {
        layer.joined("/room-0");
        layer.joined("/team-blue");
        assertThat(seen).containsExactly("static /room-0", "predicate /team-blue");
    }

    @Test
    void aNameThePatternMatchesOnlyInPartIsInvalid() {
        String id = layer.joined("/room-42x");
        assertThat(layer.posts(id)).last().isEqualTo("44/room-42x,{\"message\":\"Invalid namespace\"}");
    }
}
