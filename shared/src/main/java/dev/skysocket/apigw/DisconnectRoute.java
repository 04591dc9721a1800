package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.server.DisconnectReason;
import dev.skysocket.server.PacketRouter;

/**
 * {@code $disconnect}: every socket of the connection leaves with "transport close" and its items go. AWS
 * delivers this best-effort, so TTL, 410s during fan-out and the heartbeat sweep clean up as well.
 */
public final class DisconnectRoute {
    private final PacketRouter router;

    public DisconnectRoute(PacketRouter router) {
        this.router = router;
    }

    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event) {
        router.onConnectionEnd(event.getRequestContext().getConnectionId(), DisconnectReason.TRANSPORT_CLOSE);
        return Responses.ok();
    }
}
