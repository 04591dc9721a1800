package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.store.ReadScope;

/**
 * {@code $disconnect}: every socket of the connection leaves with "transport close" and its items go. AWS
 * delivers this best-effort, so TTL, 410s during fan-out and the heartbeat sweep clean up as well.
 */
public final class DisconnectRoute {
    private final PacketRouter router;
    private final ReadScope reads;

    /** @param reads the read scope of the router's store: the connection and its sockets are read once */
    public DisconnectRoute(PacketRouter router, ReadScope reads) {
        this.router = router;
        this.reads = reads;
    }

    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event) {
        String connectionId = event.getRequestContext().getConnectionId();
        try (LogContext.Scope scope = RouteLogContext.open(event)) {
            reads.withOneRead(connectionId, () -> {
                router.onConnectionEnd(connectionId, DisconnectReason.TRANSPORT_CLOSE);
                return null;
            });
        }
        Metrics.count(Metric.CONNECTIONS_CLOSED);
        return Responses.ok();
    }
}
