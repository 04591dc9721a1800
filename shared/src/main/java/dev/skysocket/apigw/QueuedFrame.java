package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/**
 * One client frame as the ordered mode's {@code $default} route puts it on the FIFO queue, and back as the
 * {@code $default} event {@link MessageRoute} handles. The route's request template (template.yaml,
 * {@code OrderedIntegration}) sends {@code SendMessage} with the raw frame as the message body, the connection id as
 * the message group and the request id as the deduplication id, and the request context the route needs as string
 * message attributes named here. The local emulator writes the same attributes.
 */
public final class QueuedFrame {
    public static final String CONNECTION_ID = "connectionId";
    public static final String REQUEST_ID = "requestId";
    public static final String API_ID = "apiId";
    public static final String STAGE = "stage";
    public static final String DOMAIN_NAME = "domainName";
    public static final String REQUEST_TIME_EPOCH = "requestTimeEpoch";
    public static final String CONNECTED_AT = "connectedAt";
    /** Every attribute the request template must set (SQS allows ten per message). */
    public static final List<String> ATTRIBUTES = List.of(CONNECTION_ID, REQUEST_ID, API_ID, STAGE, DOMAIN_NAME,
            REQUEST_TIME_EPOCH, CONNECTED_AT);
    /** The SQS system attribute that carries the message group: the connection id. */
    public static final String MESSAGE_GROUP_ID = "MessageGroupId";

    private QueuedFrame() {
    }

    /** The message's connection: its group, or the attribute when a test message carries no group. */
    public static String connectionId(SQSEvent.SQSMessage message) {
        Map<String, String> system = message.getAttributes();
        String group = system == null ? null : system.get(MESSAGE_GROUP_ID);
        return group != null ? group : attribute(message, CONNECTION_ID);
    }

    /**
     * The {@code $default} event API Gateway would have sent for this frame; null when the message carries no
     * connection, which no request template of ours produces.
     */
    public static APIGatewayV2WebSocketEvent toEvent(SQSEvent.SQSMessage message) {
        String connectionId = connectionId(message);
        if (connectionId == null || connectionId.isEmpty()) {
            return null;
        }
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey("$default");
        context.setEventType("MESSAGE");
        context.setConnectionId(connectionId);
        context.setRequestId(attribute(message, REQUEST_ID));
        context.setApiId(attribute(message, API_ID));
        context.setStage(attribute(message, STAGE));
        context.setDomainName(attribute(message, DOMAIN_NAME));
        context.setRequestTimeEpoch(number(attribute(message, REQUEST_TIME_EPOCH)));
        context.setConnectedAt(number(attribute(message, CONNECTED_AT)));
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(message.getBody());
        event.setIsBase64Encoded(false);
        return event;
    }

    private static String attribute(SQSEvent.SQSMessage message, String name) {
        Map<String, SQSEvent.MessageAttribute> attributes = message.getMessageAttributes();
        SQSEvent.MessageAttribute value = attributes == null ? null : attributes.get(name);
        return value == null ? null : value.getStringValue();
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
