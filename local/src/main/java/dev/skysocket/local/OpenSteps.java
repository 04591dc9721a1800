package dev.skysocket.local;

import dev.skysocket.apigw.AsyncInvoker;
import dev.skysocket.apigw.OpenPacketStep;
import dev.skysocket.apigw.OpenRequest;
import dev.skysocket.config.Settings;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stand-in for the open function's asynchronous invocations: a fixed pool of workers with a bounded
 * queue. On AWS, Lambda queues async invocations; here a burst past {@code queue} waiting opens drops the open
 * step of the newest connection instead of growing without end. Nothing retries it (the heartbeat does not send
 * open packets): that client gets no open packet, its connect timeout (20 s by default) gives {@code connect_error}
 * and it reconnects with its backoff (its close runs {@code $disconnect}, which removes the record). Dropped opens are
 * counted and logged (the first, then every hundredth) so a flood does not flood the log too.
 */
final class OpenSteps implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OpenSteps.class.getName());

    /**
     * @param workers open steps running at once ({@code skysocket.local-open-workers}, default 64)
     * @param queue   open steps waiting for a worker beyond which new ones are dropped
     *                ({@code skysocket.local-open-queue}, default 5,000)
     */
    record Limits(int workers, int queue) {
        static final Limits DEFAULTS = new Limits(64, 5_000);

        Limits {
            if (workers < 1 || queue < 1) {
                throw new IllegalStateException("settings skysocket.local-open-workers and skysocket.local-open-queue"
                        + " must be positive, got " + workers + " and " + queue);
            }
        }

        static Limits from(Settings s) {
            return new Limits(s.intValue("skysocket.local-open-workers", DEFAULTS.workers()),
                    s.intValue("skysocket.local-open-queue", DEFAULTS.queue()));
        }
    }

    private final ThreadPoolExecutor pool;
    private final AtomicLong dropped = new AtomicLong();

    OpenSteps(Limits limits) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()), runnable -> {
                    Thread thread = new Thread(runnable, "skysocket-open-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** One run of the open step (locally {@link OpenPacketStep#run}). */
    @FunctionalInterface
    interface Step {
        void run(OpenRequest request) throws InterruptedException;
    }

    /** The invoker {@code $connect} uses for the open step. */
    AsyncInvoker invokerFor(OpenPacketStep step) {
        return invoker(step::run);
    }

    /** Queues each request's run of {@code step} on the pool; drops it when the queue is full. */
    AsyncInvoker invoker(Step step) {
        return request -> {
            try {
                pool.execute(() -> {
                    try {
                        step.run(request);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (RejectedExecutionException full) {
                if (pool.isShutdown()) {
                    return;  // the stack is stopping
                }
                // The client gets no open packet: a give-up as much as a step's own after its 410s.
                Metrics.count(Metric.OPEN_STEP_GIVE_UPS);
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 100 == 0) {
                    LOG.log(Level.WARNING, "event=open_dropped connection={0} dropped_total={1}",
                            request.connectionId(), String.valueOf(n));
                }
            }
        };
    }

    /** Open steps dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
