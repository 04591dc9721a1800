package dev.skysocket.fanout;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a retry later without holding a thread while it waits. Tests pass one that records the wait and runs at
 * once.
 */
@FunctionalInterface
public interface RetryDelay {

    /** An executor that runs its task after {@code delay}. */
    Executor after(Duration delay);

    /**
     * The JDK's shared delay scheduler. The task only starts the next async SDK call (marshal, sign, hand to Netty),
     * so it runs on the scheduler thread itself rather than borrowing a pool thread.
     */
    static RetryDelay scheduled() {
        return delay -> CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run);
    }
}
