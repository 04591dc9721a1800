package dev.skysocket.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.apigw.OrderedMessageRoute;
import dev.skysocket.local.apigw.QueueIntegration;
import dev.skysocket.local.apigw.WebSocketIntegration;
import dev.skysocket.server.ServerAcks;

/**
 * Calls the API Gateway routes the way Lambda does: the event arrives as JSON, is read into the same
 * {@code APIGatewayV2WebSocketEvent} the Lambda handlers receive, and the response goes back as JSON. In ordered
 * mode the FIFO queue's SQS events are read into the {@code SQSEvent} the {@code ordered} handler receives.
 */
final class LambdaStyleIntegration implements WebSocketIntegration, QueueIntegration {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** As Quarkus's Lambda runtime reads events: AWS writes {@code Records}, the class has {@code records}. */
    private static final ObjectMapper LAMBDA_READER = JsonMapper.builder()
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private final ApiGatewayRuntime runtime;
    private final OrderedMessageRoute ordered;

    LambdaStyleIntegration(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
        this.ordered = new OrderedMessageRoute(
                event -> runtime.message().handleQueued(event, ServerAcks.DEFAULT_INVOCATION_MS));
    }

    @Override
    public String consume(String sqsEventJson) throws Exception {
        return MAPPER.writeValueAsString(ordered.handle(LAMBDA_READER.readValue(sqsEventJson, SQSEvent.class)));
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
