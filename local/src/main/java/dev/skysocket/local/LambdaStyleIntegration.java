package dev.skysocket.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.local.apigw.WebSocketIntegration;

/**
 * Calls the API Gateway routes the way Lambda does: the event arrives as JSON, is read into the same
 * {@code APIGatewayV2WebSocketEvent} the Lambda handlers receive, and the response goes back as JSON.
 */
final class LambdaStyleIntegration implements WebSocketIntegration {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final ApiGatewayRuntime runtime;

    LambdaStyleIntegration(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String invoke(String routeKey, String eventJson) throws Exception {
        APIGatewayV2WebSocketEvent event = MAPPER.readValue(eventJson, APIGatewayV2WebSocketEvent.class);
        APIGatewayV2WebSocketResponse response = switch (routeKey) {
            case "$connect" -> runtime.connect().handle(event);
            case "$disconnect" -> runtime.disconnect().handle(event);
            default -> runtime.message().handle(event);
        };
        return MAPPER.writeValueAsString(response);
    }
}
