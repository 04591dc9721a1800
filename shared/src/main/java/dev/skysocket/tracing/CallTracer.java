package dev.skysocket.tracing;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Traces the AWS calls a process makes while it handles an event: the SDK clients' calls through
 * {@link #sdkInterceptors()}, and the one call made without an SDK client (the fan-out's signed
 * {@code PostToConnection}) through {@link #start}. The runtime hands one to {@code AwsClients} at start; the Lambda
 * functions install X-Ray's when tracing is on, everything else runs with {@link #NONE}, which adds nothing.
 */
public interface CallTracer {

    /** Added to every SDK client built with this tracer. */
    List<ExecutionInterceptor> sdkInterceptors();

    /**
     * Starts one traced call to {@code service} (named as the SDK names it, so both kinds of call meet in one node
     * of the service map). The result is ended exactly once, on whatever thread the call completes.
     */
    TracedCall start(String service, String operation);

    /** Whether this tracer records anything: callers skip wrapping work for {@link #NONE}. */
    default boolean enabled() {
        return true;
    }

    CallTracer NONE = new CallTracer() {
        @Override
        public List<ExecutionInterceptor> sdkInterceptors() {
            return List.of();
        }

        @Override
        public TracedCall start(String service, String operation) {
            return TracedCall.NONE;
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };
}
