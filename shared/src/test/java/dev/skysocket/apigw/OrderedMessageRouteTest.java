package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedMessageRouteTest {
    private RouteHarness routes;

    @AfterEach
    void close() {
        if (routes != null) {
            routes.close();
        }
    }

    @Test
    void aQueuedFrameBecomesTheDefaultEventApiGatewayWouldHaveSent() {
        APIGatewayV2WebSocketEvent event = QueuedFrame.toEvent(message("m1", "conn-a", "42[\"x\"]"));
        assertThat(event.getBody()).isEqualTo("42[\"x\"]");
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$default");
        assertThat(event.getRequestContext().getConnectionId()).isEqualTo("conn-a");
        assertThat(event.getRequestContext().getRequestId()).isEqualTo("req-m1");
        assertThat(event.getRequestContext().getApiId()).isEqualTo("abc123");
        assertThat(event.getRequestContext().getStage()).isEqualTo("prod");
        assertThat(event.getRequestContext().getRequestTimeEpoch()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void framesAreHandledInTheBatchOrder() {
        List<String> seen = new ArrayList<>();
        OrderedMessageRoute route = new OrderedMessageRoute(event -> seen.add(event.getBody()));
        SQSBatchResponse response = route.handle(batch(message("1", "a", "f1"), message("2", "b", "g1"),
                message("3", "a", "f2"), message("4", "a", "f3")));
        assertThat(seen).containsExactly("f1", "g1", "f2", "f3");
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void aFailureFailsTheRestOfItsConnectionUnhandledAndLetsOtherConnectionsGoOn() {
        List<String> seen = new ArrayList<>();
        OrderedMessageRoute route = new OrderedMessageRoute(event -> {
            if (event.getBody().equals("f2")) {
                throw new IllegalStateException("throttled");
            }
            seen.add(event.getBody());
        });
        SQSBatchResponse response = route.handle(batch(message("1", "a", "f1"), message("2", "a", "f2"),
                message("3", "b", "g1"), message("4", "a", "f3"), message("5", "b", "g2")));
        assertThat(seen).containsExactly("f1", "g1", "g2");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2", "4");
    }

    @Test
    void aMessageWithoutAConnectionIsDroppedRatherThanRetriedForever() {
        AtomicInteger calls = new AtomicInteger();
        SQSEvent.SQSMessage orphan = new SQSEvent.SQSMessage();
        orphan.setMessageId("x");
        orphan.setBody("42[\"x\"]");
        SQSBatchResponse response = new OrderedMessageRoute(event -> calls.incrementAndGet()).handle(batch(orphan));
        assertThat(calls).hasValue(0);
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void queuedFramesReachTheAppThroughTheMessageRouteInOrder() {
        RecordingApp app = new RecordingApp();
        routes = new RouteHarness(app, Map.of());
        String id = routes.connect();
        OrderedMessageRoute route = new OrderedMessageRoute(routes.runtime.message()::handle);
        List<SQSEvent.SQSMessage> frames = new ArrayList<>();
        frames.add(message("m0", id, "40"));
        for (int i = 0; i < 9; i++) {
            frames.add(message("m" + (i + 1), id, "42[\"echo\"," + i + "]"));
        }
        assertThat(route.handle(batch(frames.toArray(SQSEvent.SQSMessage[]::new))).getBatchItemFailures()).isEmpty();
        assertThat(app.seen).containsExactly("connection /", "echo [0]", "echo [1]", "echo [2]", "echo [3]",
                "echo [4]", "echo [5]", "echo [6]", "echo [7]", "echo [8]");
    }

    /** A message as the ordered route's request template writes it, as Lambda receives it. */
    static SQSEvent.SQSMessage message(String id, String connectionId, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of(QueuedFrame.MESSAGE_GROUP_ID, connectionId, "MessageDeduplicationId", "req-" + id));
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        attributes.put(QueuedFrame.CONNECTION_ID, text(connectionId));
        attributes.put(QueuedFrame.REQUEST_ID, text("req-" + id));
        attributes.put(QueuedFrame.API_ID, text("abc123"));
        attributes.put(QueuedFrame.STAGE, text("prod"));
        attributes.put(QueuedFrame.DOMAIN_NAME, text("abc123.execute-api.us-east-1.amazonaws.com"));
        attributes.put(QueuedFrame.REQUEST_TIME_EPOCH, text("1700000000000"));
        attributes.put(QueuedFrame.CONNECTED_AT, text("1699999999000"));
        message.setMessageAttributes(attributes);
        return message;
    }

    private static SQSEvent.MessageAttribute text(String value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType("String");
        attribute.setStringValue(value);
        return attribute;
    }

    private static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }
}
