package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.apigw.ApiGatewayRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The {@code $disconnect} route ({@code QUARKUS_LAMBDA_HANDLER=disconnect}); delivered best-effort by AWS. */
@Named("disconnect")
@Singleton
public class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final ApiGatewayRuntime runtime;

    @Inject
    public DisconnectHandler(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return Invocations.run(context, () -> handle(event, context));
    }

    private APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        RouteCheck.expect(event, "$disconnect", "disconnect");
        return runtime.disconnect().handle(event);
    }
}
