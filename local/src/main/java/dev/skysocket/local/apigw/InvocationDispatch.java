package dev.skysocket.local.apigw;

import dev.skysocket.gateway.concurrent.SerialExecutor;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Starts one connection's route invocations: one at a time ({@link SerialExecutor}) or overlapping
 * ({@link JitteredDispatch}).
 */
interface InvocationDispatch {

    /** Runs {@code task}, which starts an invocation and returns the stage that completes with it. */
    void submit(Supplier<? extends CompletionStage<?>> task);

    static InvocationDispatch of(InvocationOrder order, Duration maxDelay, Executor workers) {
        return order == InvocationOrder.SERIAL
                ? new SerialExecutor(workers)::submit
                : new JitteredDispatch(workers, maxDelay);
    }
}
