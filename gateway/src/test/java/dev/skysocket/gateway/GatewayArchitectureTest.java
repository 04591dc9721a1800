package dev.skysocket.gateway;

import static dev.skysocket.testing.ImportRules.importsMatching;
import static dev.skysocket.testing.ImportRules.importsOf;
import static dev.skysocket.testing.ImportRules.importsOutside;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The gateway's packages, bottom up (README and package notes): the engine is plain Java, {@code http} (with
 * {@code http.management}) is the one HTTP binding, {@code management} the plain {@code @connections} contract,
 * the node is the shared system's view of sessions, {@code fallback} wires them. "The HTTP library" is all of
 * Vert.x (its instances and event loops too) and Netty.
 */
class GatewayArchitectureTest {
    private static final String G = "dev.skysocket.gateway.";
    private static final List<String> HTTP_LIBRARY = List.of("io.vertx.", "io.netty.");
    private static final List<String> SOCKET_IO = List.of("dev.skysocket.protocol.socketio.", "dev.skysocket.server.",
            "dev.skysocket.api.");
    /** Of {@code http}, the node names only the header timeout's default and setting (its listener's). */
    private static final List<String> NODE_HTTP_SETTINGS = List.of(G + "http.HeaderDeadline");

    @Test
    void theEngineImportsOnlyTheJdkTheEngineIoCodecsTheSettingsAndTheSerialExecutor() {
        // No Vert.x, no Netty, no Socket.IO: sessions carry Engine.IO packets only. Metrics may be counted anywhere.
        assertThat(importsOutside(G + "engine", true, List.of("java.", G + "engine.", "dev.skysocket.protocol.engineio.",
                "dev.skysocket.protocol.CodecLimits", "dev.skysocket.protocol.ProtocolException",
                "dev.skysocket.config.", G + "concurrent.", "dev.skysocket.metrics."))).isEmpty();
    }

    @Test
    void theHttpBindingImportsNoSocketIoStoreOrNode() {
        List<String> forbidden = new ArrayList<>(SOCKET_IO);
        forbidden.addAll(List.of("dev.skysocket.store.", "dev.skysocket.fanout.", G + "node.", G + "fallback."));
        assertThat(importsMatching(G + "http", true, forbidden)).isEmpty();
    }

    @Test
    void theManagementContractImportsNoSessionStoreOrHttpTypes() {
        List<String> forbidden = new ArrayList<>(HTTP_LIBRARY);
        forbidden.addAll(List.of("dev.skysocket.store.", G + "engine.", G + "node.", G + "http.",
                "dev.skysocket.server.", "dev.skysocket.local."));
        assertThat(importsMatching(G + "management", false, forbidden)).isEmpty();
    }

    @Test
    void theNodeImportsNoEmulatorNoDynamoDbModelAndOfHttpOnlyItsListenerSetting() {
        Set<String> found = new TreeSet<>(importsMatching(G + "node", true,
                List.of("dev.skysocket.local.", "dev.skysocket.store.dynamodb.", G + "fallback.")));
        importsOf(G + "node", true).stream()
                .filter(i -> i.type().startsWith(G + "http.") && !NODE_HTTP_SETTINGS.contains(i.type()))
                .forEach(i -> found.add(i.toString()));
        assertThat(found).isEmpty();
    }

    @Test
    void theNodesStoreDecoratorsWrapOnlyTheStoreWhoseBehaviourTheyChange() throws ClassNotFoundException {
        // One interface each, never the read scope: the rest of the store reaches the context undecorated.
        assertThat(Class.forName(G + "node.IndexedSocketStore").getInterfaces()).containsExactly(SocketStore.class);
        assertThat(Class.forName(G + "node.IndexedConnectionStore").getInterfaces())
                .containsExactly(ConnectionStore.class);
        assertThat(Class.forName(G + "node.IndexedRoomStore").getInterfaces()).containsExactly(RoomStore.class);
    }

    @Test
    void onlyTheHttpBindingImportsTheHttpLibrary() {
        // Vert.x and Netty, instances and timers included, in gateway.http and below and nowhere else: every other
        // package, present or future, is checked.
        assertThat(importsOf("dev.skysocket.gateway", true).stream()
                .filter(i -> !i.file().startsWith("http/"))
                .filter(i -> HTTP_LIBRARY.stream().anyMatch(i.type()::startsWith))
                .map(Object::toString)).isEmpty();
    }

    @Test
    void theFallbackWiresWithoutTheLocalStack() {
        assertThat(importsMatching(G + "fallback", true, List.of("dev.skysocket.local.",
                "com.amazonaws.services.dynamodbv2."))).isEmpty();
    }

    @Test
    void nothingOfTheGatewayImportsTheLocalStackOrTheBenchmarks() {
        assertThat(importsMatching("dev.skysocket.gateway", true, List.of("dev.skysocket.local.",
                "dev.skysocket.benchmarks.", "com.amazonaws.services.dynamodbv2."))).isEmpty();
    }
}
