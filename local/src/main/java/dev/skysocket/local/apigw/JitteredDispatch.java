package dev.skysocket.local.apigw;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Starts every task at once on the worker pool after a random delay between zero and {@code maxDelay}, without
 * waiting for the connection's earlier tasks: API Gateway's own behaviour (each frame its own Lambda invocation,
 * cold or warm), with the delay making two frames sent back to back really overtake each other in tests.
 */
final class JitteredDispatch implements InvocationDispatch {

    private static final System.Logger LOG = System.getLogger(JitteredDispatch.class.getName());
    private final Executor executor;
    private final long maxDelayNanos;

    JitteredDispatch(Executor executor, Duration maxDelay) {
        this.executor = executor;
        this.maxDelayNanos = maxDelay.toNanos();
    }

    @Override
    public void submit(Supplier<? extends CompletionStage<?>> task) {
        long delay = maxDelayNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(maxDelayNanos + 1);
        try {
            executor.execute(() -> {
                if (delay > 0) {
                    LockSupport.parkNanos(delay); // a worker of a cached pool: waiting here holds up no one else
                }
                try {
                    task.get();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "apigw.dispatch.failed error={0}", e.toString());
                }
            });
        } catch (RejectedExecutionException shutDown) {
            // The emulator is stopping: the invocation is dropped, as the serial queue drops what is left.
        }
    }
}
