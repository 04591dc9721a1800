package dev.skysocket.gateway.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that run listener calls (each one may wait on the store): a fixed number, so a burst of thousands
 * of sessions opening or closing together queues here instead of becoming thousands of threads and store calls.
 * The queue holds at most one task per session (its {@link dev.skysocket.gateway.concurrent.SerialExecutor}), so
 * it is bounded by the sessions; {@link #saturated()} says when it holds {@code queueLimit} or more, and then the
 * server refuses handshakes ({@link EngineError#BUSY}) and ends sessions whose messages would queue behind
 * (logged) rather than grow it. Session ends are always queued (they free the store's records) but in a second,
 * lower lane ({@link #cleanup}): they run when no handshake or message waits, and they do not count towards
 * {@code queueLimit}, so thousands of clients leaving together neither refuse nor delay the clients arriving.
 */
final class EngineWorkers implements Executor {
    private final ThreadPoolExecutor pool;
    private final int queueLimit;
    /** Tasks of the first lane waiting for a thread: what {@link #saturated} compares with the limit. */
    private final AtomicInteger urgentQueued = new AtomicInteger();
    private final AtomicLong order = new AtomicLong();

    EngineWorkers(int threads, int queueLimit) {
        if (threads < 1 || queueLimit < 1) {
            throw new IllegalArgumentException("engine workers and their queue limit must be positive");
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "engine-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true); // an idle node keeps no threads
        this.queueLimit = queueLimit;
    }

    /** Runs a handshake's or a live session's listener call: first lane. */
    @Override
    public void execute(Runnable task) {
        urgentQueued.incrementAndGet();
        try {
            pool.execute(new Ranked(task, true, order.getAndIncrement()));
        } catch (RuntimeException refused) { // stopping
            urgentQueued.decrementAndGet();
            throw refused;
        }
    }

    /** Runs an ended session's listener calls: second lane, after every waiting first-lane task. */
    void cleanup(Runnable task) {
        pool.execute(new Ranked(task, false, order.getAndIncrement()));
    }

    /** True while {@code queueLimit} or more first-lane tasks wait for a thread. */
    boolean saturated() {
        return urgentQueued.get() >= queueLimit;
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

    /** A task with its lane and submission order: the first lane first, each lane in order. */
    private final class Ranked implements Runnable, Comparable<Ranked> {
        private final Runnable task;
        private final boolean urgent;
        private final long seq;

        Ranked(Runnable task, boolean urgent, long seq) {
            this.task = task;
            this.urgent = urgent;
            this.seq = seq;
        }

        @Override
        public void run() {
            if (urgent) {
                urgentQueued.decrementAndGet();
            }
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            if (urgent != other.urgent) {
                return urgent ? -1 : 1;
            }
            return Long.compare(seq, other.seq);
        }
    }
}
