package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import dev.skysocket.tracing.CallTracer;
import dev.skysocket.tracing.TracedCall;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Traces each {@code PostToConnection} of another poster: the posts go as signed requests of our own, not through
 * the SDK client, so the SDK interceptors that trace every other AWS call never see them.
 */
final class TracedFramePoster implements FramePoster, AutoCloseable {
    /** The SDK's service name for the Management API, so posts and GET/DELETE calls share one service node. */
    static final String SERVICE = "ApiGatewayManagementApi";
    static final String OPERATION = "PostToConnection";

    private final FramePoster delegate;
    private final CallTracer tracer;

    TracedFramePoster(FramePoster delegate, CallTracer tracer) {
        this.delegate = delegate;
        this.tracer = tracer;
    }

    @Override
    public CompletableFuture<?> post(String connectionId, Frame frame) {
        TracedCall call = tracer.start(SERVICE, OPERATION);
        CompletableFuture<?> result;
        try {
            result = delegate.post(connectionId, frame);
        } catch (RuntimeException e) {
            call.end(0, e);
            throw e;
        }
        result.whenComplete((answer, failure) -> {
            Throwable cause = Failures.unwrap(failure);
            call.end(status(answer, cause), cause);
        });
        return result;
    }

    private static int status(Object answer, Throwable cause) {
        if (answer instanceof Integer status) {
            return status;
        }
        return cause instanceof SdkServiceException service ? service.statusCode() : 0;
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
