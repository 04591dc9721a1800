package dev.skysocket.local.apigw;

import dev.skysocket.gateway.concurrent.SerialExecutor;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Starts one connection's route invocations: one at a time ({@link SerialExecutor}) or overlapping, in the
 * connection's lane of the shared {@link FairDispatch}.
 */
interface InvocationDispatch {

    /**
     * Runs {@code task}, which starts an invocation and returns the stage that completes with it; or, if the
     * connection is closed by the gateway before it starts, runs {@code ifDropped} instead (null: never dropped).
     */
    void submit(Supplier<? extends CompletionStage<?>> task, Runnable ifDropped);

    /**
     * The gateway closed the connection: its droppable invocations not started yet are dropped, and so are those
     * submitted from now on. The serial order does not drop: it promises every message before {@code $disconnect}.
     */
    default void dropQueued() {
    }

    static InvocationDispatch of(InvocationOrder order, FairDispatch fair, Executor workers) {
        if (order == InvocationOrder.SERIAL) {
            SerialExecutor serial = new SerialExecutor(workers);
            return (task, ifDropped) -> serial.submit(task);
        }
        return fair.lane();
    }
}
