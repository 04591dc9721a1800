package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ordered mode's consumer: one batch of client frames from the FIFO queue (grouped by connection id), each
 * handed to {@link MessageRoute} in the batch's order, which SQS FIFO keeps within a group.
 *
 * <p>Failures and order: a frame whose handling throws is reported in {@code batchItemFailures} together with every
 * later frame of the same connection in this batch, unhandled, so SQS delivers them again after the failed one
 * (other connections in the batch go on: their order does not depend on it). The connection's later frames wait
 * behind the failed one (its group is locked) until it succeeds or, after the queue's {@code maxReceiveCount}
 * receives, moves to the dead-letter queue; the frames after it then go on without it. A retried frame may already
 * have had part of its effect (at-least-once), as a retried Lambda invocation would. A message without a connection
 * cannot succeed on any retry, so it is logged and dropped instead of blocking its group.
 */
public final class OrderedMessageRoute {
    private static final System.Logger LOG = System.getLogger(OrderedMessageRoute.class.getName());
    private final Consumer<APIGatewayV2WebSocketEvent> route;

    /** @param route what handles one frame; {@code message()::handle} of the process's runtime */
    public OrderedMessageRoute(Consumer<APIGatewayV2WebSocketEvent> route) {
        this.route = route;
    }

    public SQSBatchResponse handle(SQSEvent batch) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedConnections = new HashSet<>();
        List<SQSEvent.SQSMessage> records = batch == null || batch.getRecords() == null
                ? List.of() : batch.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            String connectionId = QueuedFrame.connectionId(message);
            if (connectionId != null && failedConnections.contains(connectionId)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            APIGatewayV2WebSocketEvent event = QueuedFrame.toEvent(message);
            if (event == null) {
                LOG.log(Level.WARNING, "event=queued_frame_dropped messageId={0} reason=no connection id",
                        message.getMessageId());
                continue;
            }
            try {
                route.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=queued_frame_failed connection={0} messageId={1} error={2}",
                        connectionId, message.getMessageId(), e.toString());
                failedConnections.add(connectionId);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
