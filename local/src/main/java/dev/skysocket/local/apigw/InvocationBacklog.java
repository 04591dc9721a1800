package dev.skysocket.local.apigw;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The most {@code $default} and {@code $disconnect} invocations of open connections that may be waiting or running
 * at once. Upgrades are refused earlier ({@link InvocationLimits#queueLimit}), but a connection already open can
 * still send; without this bound a flood of frames (or a burst of closes) would queue without end. On AWS the same
 * frames would meet the account or route throttle; what the emulator does then is each caller's choice.
 */
final class InvocationBacklog {

    private final Semaphore permits;

    InvocationBacklog(int limit) {
        this.permits = new Semaphore(limit);
    }

    /**
     * Hands {@code task} to {@code dispatch} when a permit is free, holding it until the task's stage completes or
     * the task is dropped (then {@code ifDropped} runs too; null: the task is never dropped); false (and nothing
     * dispatched) when the backlog is full.
     */
    boolean submit(InvocationDispatch dispatch, Supplier<? extends CompletionStage<?>> task, Runnable ifDropped) {
        if (!permits.tryAcquire()) {
            return false;
        }
        Runnable dropped = ifDropped == null ? null : () -> {
            permits.release();
            ifDropped.run();
        };
        dispatch.submit(() -> {
            CompletionStage<?> stage;
            try {
                stage = task.get();
            } catch (RuntimeException e) {
                permits.release();
                throw e;
            }
            if (stage == null) {
                permits.release();
                return null;
            }
            return stage.whenComplete((result, error) -> permits.release());
        }, dropped);
        return true;
    }

    int available() {
        return permits.availablePermits();
    }
}
