package dev.skysocket.gateway.node;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write the tenant quota's sampled counts, so the event a count samples does not wait for its
 * store write ({@link dev.skysocket.store.dynamodb.DynamoTenantQuota}). Bounded: once {@value #QUEUE} counts wait,
 * it refuses and the event writes its own count, so a slow store slows a busy tenant's events instead of growing
 * a queue. At the default quota a tenant at its quota needs 500 writes a second, a few in flight at a time.
 */
final class QuotaCounting {
    static final int THREADS = 2;
    static final int QUEUE = 1_000;

    private QuotaCounting() {
    }

    static ThreadPoolExecutor start() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> {
                    Thread thread = new Thread(task, "skysocket-quota-count-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true); // an idle node keeps no threads
        return pool;
    }
}
