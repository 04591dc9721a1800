package dev.skysocket.gateway.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run listener calls (each one may wait on the store): a fixed number, so a burst of thousands
 * of sessions opening or closing together queues here instead of becoming thousands of threads and store calls.
 * The queue holds at most one task per session (its {@link dev.skysocket.gateway.concurrent.SerialExecutor}), so
 * it is bounded by the sessions; {@link #saturated()} says when it holds {@code queueLimit} or more, and then the
 * server refuses handshakes ({@link EngineError#BUSY}) and ends sessions whose messages would queue behind
 * (logged) rather than grow it. Session ends are always queued: they free the store's records.
 */
final class EngineWorkers implements Executor {
    private final ThreadPoolExecutor pool;
    private final int queueLimit;

    EngineWorkers(int threads, int queueLimit) {
        if (threads < 1 || queueLimit < 1) {
            throw new IllegalArgumentException("engine workers and their queue limit must be positive");
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "engine-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true); // an idle node keeps no threads
        this.queueLimit = queueLimit;
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** True while {@code queueLimit} or more tasks wait for a thread. */
    boolean saturated() {
        return pool.getQueue().size() >= queueLimit;
    }

    int queued() {
        return pool.getQueue().size();
    }

    int queueLimit() {
        return queueLimit;
    }

    void shutdown(long waitSeconds) {
        pool.shutdown();
        try {
            pool.awaitTermination(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
