package dev.skysocket.gateway;

import static dev.skysocket.testing.ImportRules.importsMatching;
import static dev.skysocket.testing.ImportRules.importsOf;
import static dev.skysocket.testing.ImportRules.importsOutside;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The gateway's packages, bottom up (README and package notes): the engine is plain Java, {@code http} and
 * {@code management} are the HTTP bindings, the node is the shared system's view of sessions, {@code fallback}
 * wires them. "The HTTP library" is Vert.x's HTTP types and Netty; Vert.x core's event loop and timers are not.
 */
class GatewayArchitectureTest {
    private static final String G = "dev.skysocket.gateway.";
    private static final List<String> HTTP_LIBRARY = List.of("io.vertx.core.http.", "io.vertx.ext.", "io.netty.",
            "io.vertx.core.net.");
    private static final List<String> SOCKET_IO = List.of("dev.skysocket.protocol.socketio.", "dev.skysocket.server.",
            "dev.skysocket.api.");
    /** The guards every listener (public, private, the emulator's) reuses from {@code http} (README). */
    private static final List<String> LISTENER_GUARDS = List.of(G + "http.HeaderDeadline", G + "http.MalformedRequests",
            G + "http.CloseHandshakeGuard");
    /** The node's private {@code @connections} listener: the one place the node touches Vert.x HTTP. */
    private static final List<String> NODE_LISTENER = List.of("PrivateManagementApi.java", "GatewayNode.java",
            "SessionTargets.java");

    @Test
    void theEngineImportsOnlyTheJdkTheEngineIoCodecsTheSettingsAndTheSerialExecutor() {
        // No Vert.x, no Netty, no Socket.IO: sessions carry Engine.IO packets only.
        assertThat(importsOutside(G + "engine", true, List.of("java.", G + "engine.", "dev.skysocket.protocol.engineio.",
                "dev.skysocket.protocol.CodecLimits", "dev.skysocket.protocol.ProtocolException",
                "dev.skysocket.config.", G + "concurrent."))).isEmpty();
    }

    @Test
    void theHttpBindingImportsNoSocketIoStoreOrNode() {
        List<String> forbidden = new ArrayList<>(SOCKET_IO);
        forbidden.addAll(List.of("dev.skysocket.store.", "dev.skysocket.fanout.", G + "node.", G + "fallback."));
        assertThat(importsMatching(G + "http", true, forbidden)).isEmpty();
    }

    @Test
    void theManagementAnswersImportNoSessionOrStoreTypes() {
        assertThat(importsMatching(G + "management", true, List.of("dev.skysocket.store.", G + "engine.", G + "node.",
                "dev.skysocket.server.", "dev.skysocket.local."))).isEmpty();
    }

    @Test
    void theNodeImportsNoEmulatorNoDynamoDbModelAndOfHttpOnlyTheListenerGuards() {
        Set<String> found = new TreeSet<>(importsMatching(G + "node", true,
                List.of("dev.skysocket.local.", "dev.skysocket.store.dynamodb.", G + "fallback.")));
        importsOf(G + "node", true).stream()
                .filter(i -> i.type().startsWith(G + "http.") && !LISTENER_GUARDS.contains(i.type()))
                .forEach(i -> found.add(i.toString()));
        assertThat(found).isEmpty();
    }

    @Test
    void theNodeTouchesVertxHttpOnlyForItsPrivateListenerAndNettyNever() {
        Set<String> found = new TreeSet<>(importsMatching(G + "node", true, List.of("io.netty.")));
        importsOf(G + "node", true).stream()
                .filter(i -> HTTP_LIBRARY.stream().anyMatch(i.type()::startsWith))
                .filter(i -> !NODE_LISTENER.contains(i.file()))
                .forEach(i -> found.add(i.toString()));
        assertThat(found).isEmpty();
    }

    @Test
    void theFallbackWiresWithoutTheLocalStackOrTheHttpLibrary() {
        List<String> forbidden = new ArrayList<>(HTTP_LIBRARY);
        forbidden.addAll(List.of("dev.skysocket.local.", "com.amazonaws.services.dynamodbv2."));
        assertThat(importsMatching(G + "fallback", true, forbidden)).isEmpty();
    }

    @Test
    void nothingOfTheGatewayImportsTheLocalStackOrTheBenchmarks() {
        assertThat(importsMatching("dev.skysocket.gateway", true, List.of("dev.skysocket.local.",
                "dev.skysocket.benchmarks.", "com.amazonaws.services.dynamodbv2."))).isEmpty();
    }
}
