package dev.skysocket.functions;

import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.store.ConnectionRecord;
import java.util.Map;

/** Connections written straight to the store, in states a test needs but cannot wait for (a ping already due). */
final class StoredConnections {
    private StoredConnections() {
    }

    static String create(ApiGatewayRuntime runtime, boolean opened, long pingDueAt) {
        String id = WebSocketEvents.newConnectionId();
        long now = System.currentTimeMillis();
        runtime.context().connections().create(new ConnectionRecord(id, LambdaBackends.stub().endpoint(), "websocket",
                true, "default", null, "203.0.113.7", Map.of(), Map.of("EIO", "4", "transport", "websocket"), now,
                pingDueAt, false, opened, runtime.context().config().expiresAtSeconds(now), null));
        return id;
    }

    /** An opened connection of {@code user} in the default tenant, as an authorizer's identity would store it. */
    static String createFor(ApiGatewayRuntime runtime, String user) {
        String id = WebSocketEvents.newConnectionId();
        long now = System.currentTimeMillis();
        runtime.context().connections().create(new ConnectionRecord(id, LambdaBackends.stub().endpoint(), "websocket",
                true, "default", user, "203.0.113.7", Map.of(), Map.of("EIO", "4", "transport", "websocket"), now,
                now + 60_000, false, true, runtime.context().config().expiresAtSeconds(now), null));
        return id;
    }
}
