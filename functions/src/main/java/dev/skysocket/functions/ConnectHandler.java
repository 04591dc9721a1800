package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.apigw.ApiGatewayRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The {@code $connect} route ({@code QUARKUS_LAMBDA_HANDLER=connect}); its status code accepts or refuses. */
@Named("connect")
@Singleton
public class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final ApiGatewayRuntime runtime;

    @Inject
    public ConnectHandler(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return Invocations.run(context, () -> handle(event, context));
    }

    private APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        RouteCheck.expect(event, "$connect", "connect");
        return runtime.connect().handle(event);
    }
}
