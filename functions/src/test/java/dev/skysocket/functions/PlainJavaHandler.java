package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.config.Settings;

/**
 * The cold-start baseline of {@code bench/coldstart.sh}: the same {@code $connect}/{@code $default} work as the
 * Quarkus handlers, through the same {@link RuntimeWiring} (DynamoDB and Lambda on the url-connection client, the
 * Management API on Netty), but as a plain {@link RequestHandler} with no Quarkus: the AWS runtime client loads it
 * directly. The route comes from {@code QUARKUS_LAMBDA_HANDLER}, as for the Quarkus functions.
 */
public final class PlainJavaHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final String HANDLER = System.getenv("QUARKUS_LAMBDA_HANDLER");
    // Built in the class's static init, Lambda's init phase, as RuntimeProducer does at Quarkus start.
    // (RuntimeProducer is not touched: loading it would pull in Quarkus types.)
    private static final RuntimeWiring WIRING = RuntimeWiring.from(Settings.system(), HANDLER);

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        if ("connect".equals(HANDLER)) {
            RouteCheck.expect(event, "$connect", "connect");
            return WIRING.runtime().connect().handle(event);
        }
        RouteCheck.expectMessage(event, "default");
        return WIRING.runtime().message().handle(event);
    }
}
