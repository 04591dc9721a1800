package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.EmfSink;
import java.util.function.Supplier;

/**
 * What every handler does around its event: log lines carry the Lambda request id ({@link LogContext}), and the
 * metrics the event counted go out as one Embedded Metric Format line when it ends, whether it succeeded or
 * threw: Lambda may freeze the process as soon as the handler returns, so nothing may wait for a timer.
 */
final class Invocations {
    private static volatile EmfSink metrics;

    private Invocations() {
    }

    /** The sink {@link #run} flushes; null (the default) flushes nothing. */
    static void flushing(EmfSink sink) {
        metrics = sink;
    }

    static <T> T run(Context context, Supplier<T> handler) {
        try (LogContext.Scope scope = LogContext.open(context == null ? null : context.getAwsRequestId())) {
            return handler.get();
        } finally {
            EmfSink sink = metrics;
            if (sink != null) {
                sink.flush();
            }
        }
    }
}
