package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.skysocket.logging.LogContext;

/**
 * The log context of one route's handling: API Gateway's request id and the connection, from the event. Opened by
 * each route itself, so lines carry them on the local stack's emulator as on Lambda (where the invocation's own
 * context around it holds the Lambda request id).
 */
final class RouteLogContext {
    private RouteLogContext() {
    }

    static LogContext.Scope open(APIGatewayV2WebSocketEvent event) {
        LogContext.Scope scope = LogContext.open(null);
        var context = event == null ? null : event.getRequestContext();
        if (context != null) {
            LogContext.apiRequestId(context.getRequestId());
            LogContext.connectionId(context.getConnectionId());
        }
        return scope;
    }
}
