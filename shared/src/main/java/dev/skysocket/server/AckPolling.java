package dev.skysocket.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.api.Args;
import dev.skysocket.store.AckKey;
import dev.skysocket.store.AckStore;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one wait to its end: polls the store for the answers it expects from elsewhere, and expires it at its
 * deadline. The poll backs off 20, 40, 80, 160 ms, then stays at {@link #MAX_DELAY_MS}: a nearby client answers
 * within tens of ms, and a long wait costs about 4 reads a second per silent socket. The wait's completion (the
 * app's callbacks) runs on these threads, or on the thread that brought an in-memory answer.
 */
final class AckPolling {
    static final long FIRST_DELAY_MS = 20;
    static final long MAX_DELAY_MS = 250;
    private static final System.Logger LOG = System.getLogger(AckPolling.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Daemon threads shared by every wait of the process; a wait holds one only while it polls. */
    private static final ScheduledExecutorService SCHEDULER = scheduler();

    private final AckWait wait;
    private final AckStore store;

    private AckPolling(AckWait wait, AckStore store) {
        this.wait = wait;
        this.store = store;
    }

    static void start(AckWait wait, AckStore store) {
        AckPolling polling = new AckPolling(wait, store);
        if (wait.pendingPolled().isEmpty()) {
            SCHEDULER.schedule(wait::expire, remainingNanos(wait), TimeUnit.NANOSECONDS);
        } else {
            polling.next(0);
        }
    }

    /** The delay before poll number {@code attempt} (0-based): doubling from 20 ms, capped at 250 ms. */
    static long delayMs(int attempt) {
        return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(attempt, 8));
    }

    private void next(int attempt) {
        long delayNanos = Math.min(delayMs(attempt) * 1_000_000L, remainingNanos(wait));
        SCHEDULER.schedule(() -> poll(attempt), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void poll(int attempt) {
        if (wait.done()) {
            return;
        }
        Set<AckKey> pending = wait.pendingPolled();
        try {
            Map<AckKey, String> found = store.answers(pending);
            if (!found.isEmpty()) {
                store.delete(found.keySet());
                found.forEach((key, json) -> wait.offer(key, Args.of((ArrayNode) JsonValues.read(json), 0)));
            }
        } catch (RuntimeException e) {
            // A failed read is retried at the next poll; the deadline still bounds the wait.
            LOG.log(Level.WARNING, "event=ack_poll_failed error={0}", e.toString());
        }
        if (wait.done()) {
            return;
        }
        if (remainingNanos(wait) <= 0) {
            wait.expire();
            return;
        }
        if (wait.pendingPolled().isEmpty()) {
            SCHEDULER.schedule(wait::expire, remainingNanos(wait), TimeUnit.NANOSECONDS);
            return;
        }
        next(attempt + 1);
    }

    private static long remainingNanos(AckWait wait) {
        return Math.max(0, wait.deadlineNanos() - System.nanoTime());
    }

    private static ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, task -> {
            Thread thread = new Thread(task, "skysocket-acks-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }
}
