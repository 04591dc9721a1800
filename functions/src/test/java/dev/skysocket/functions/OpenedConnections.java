package dev.skysocket.functions;

import static org.awaitility.Awaitility.await;

import dev.skysocket.apigw.ApiGatewayRuntime;
import java.time.Duration;

/**
 * Sets up a connection the way {@code $connect} does, for tests of the handlers that come after it: each
 * function is its own Quarkus boot, so the connect step runs here directly on the same runtime.
 */
final class OpenedConnections {
    static final Duration WAIT = Duration.ofSeconds(10);

    private OpenedConnections() {
    }

    /** A connection that is stored and has received its Engine.IO open packet; returns its id. */
    static String open(ApiGatewayRuntime runtime) {
        String id = WebSocketEvents.newConnectionId();
        var response = runtime.connect().handle(WebSocketEvents.parse(WebSocketEvents.connect(id, "4")));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("$connect refused the test connection: " + response.getStatusCode());
        }
        await().atMost(WAIT).until(() -> LambdaBackends.stub().postsTo(id).stream().anyMatch(p -> p.startsWith("0{")));
        return id;
    }

    /** Also connects the socket to the main namespace (Socket.IO CONNECT), as a client does right after open. */
    static String connectedToMainNamespace(ApiGatewayRuntime runtime) {
        String id = open(runtime);
        runtime.message().handle(WebSocketEvents.parse(WebSocketEvents.message(id, "40")));
        await().atMost(WAIT).until(() -> LambdaBackends.stub().postsTo(id).stream().anyMatch(p -> p.startsWith("40")));
        return id;
    }
}
