package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.apigw.OrderedMessageRoute;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The ordered mode's consumer ({@code QUARKUS_LAMBDA_HANDLER=ordered}): batches of client frames from the FIFO
 * queue the {@code $default} route sends to (template parameter {@code MessageDelivery=ordered}), each frame through
 * the same {@code MessageRoute} as the {@code default} handler, in order per connection. Failed frames come back as
 * batch item failures (the event source mapping sets {@code ReportBatchItemFailures}).
 */
@Named("ordered")
@Singleton
public class OrderedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ApiGatewayRuntime runtime;

    @Inject
    public OrderedHandler(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Invocations.run(context, () -> handle(batch, context));
    }

    private SQSBatchResponse handle(SQSEvent batch, Context context) {
        // Each frame's waits for acks (Socket.emitWithAck) end within what is left of this invocation's time.
        // Queued frames: the heartbeat waits for a pong queued behind them (PongBehindQueue).
        return new OrderedMessageRoute(
                event -> runtime.message().handleQueued(event, context.getRemainingTimeInMillis())).handle(batch);
    }
}
