package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.apigw.ApiGatewayRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The {@code $default} route ({@code QUARKUS_LAMBDA_HANDLER=default}): every client frame, one Engine.IO packet
 * each. Engine.IO frames are not JSON objects with an action, so they never match a custom route.
 */
@Named("default")
@Singleton
public class MessageHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final ApiGatewayRuntime runtime;

    @Inject
    public MessageHandler(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return Invocations.run(context, () -> handle(event, context));
    }

    private APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        RouteCheck.expectMessage(event, "default");
        // The remaining time bounds a handler's wait for a client's ack (Socket.emitWithAck).
        return runtime.message().handle(event, context.getRemainingTimeInMillis());
    }
}
