package dev.skysocket.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Map;

/** API Gateway WebSocket events filled the way API Gateway fills them, for tests that call the routes directly. */
public final class ApiGatewayEvents {
    private ApiGatewayEvents() {
    }

    public static APIGatewayV2WebSocketEvent event(String connectionId, String routeKey, String eventType, String body,
                                                   Map<String, String> query, Map<String, String> headers) {
        var identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp("127.0.0.1");
        identity.setUserAgent("test");
        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setConnectionId(connectionId);
        context.setRequestId(java.util.UUID.randomUUID().toString().substring(0, 16));
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setDomainName("abc123.execute-api.us-east-1.amazonaws.com");
        context.setStage("dev");
        context.setConnectedAt(System.currentTimeMillis());
        context.setIdentity(identity);
        var event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        event.setQueryStringParameters(query);
        event.setHeaders(headers);
        return event;
    }
}
