package dev.skysocket.server;

import dev.skysocket.api.AckTimeoutException;
import dev.skysocket.api.Args;
import dev.skysocket.store.AckKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@code emitWithAck}: the answers expected (one per recipient socket), those received, and the result.
 * It completes once: with every answer, or at its deadline with {@link AckTimeoutException}. An answer it does
 * not expect, or a second one, is refused so the caller can log it.
 */
final class AckWait {
    private final Map<AckKey, String> socketOf;
    /** Keys answered through the store, read by polling; the rest complete in memory. */
    private final Set<AckKey> polled;
    private final long deadlineNanos;
    private final Map<String, Args> answers = new LinkedHashMap<>();
    private final CompletableFuture<Map<String, Args>> result = new CompletableFuture<>();
    /** Counted down after the result's completion has run its dependents (the app's callbacks). */
    private final CountDownLatch settled = new CountDownLatch(1);

    AckWait(Map<AckKey, String> socketOf, Set<AckKey> polled, long deadlineNanos) {
        this.socketOf = Map.copyOf(socketOf);
        this.polled = new LinkedHashSet<>(polled);
        this.deadlineNanos = deadlineNanos;
    }

    Set<AckKey> keys() {
        return socketOf.keySet();
    }

    CompletableFuture<Map<String, Args>> result() {
        return result;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The store keys not answered yet. */
    synchronized Set<AckKey> pendingPolled() {
        return Set.copyOf(polled);
    }

    /** Takes one answer; false when it is not expected, already answered, or the wait is over. */
    boolean offer(AckKey key, Args args) {
        Map<String, Args> complete;
        synchronized (this) {
            String socketId = socketOf.get(key);
            if (socketId == null || result.isDone() || answers.containsKey(socketId)) {
                return false;
            }
            answers.put(socketId, args);
            polled.remove(key);
            if (answers.size() < socketOf.size()) {
                return true;
            }
            complete = Map.copyOf(answers);
        }
        finish(() -> result.complete(complete));
        return true;
    }

    /** Ends the wait with the silent sockets named; does nothing when it is already over. */
    void expire() {
        AckTimeoutException timeout;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            Set<String> silent = new LinkedHashSet<>(socketOf.values());
            silent.removeAll(answers.keySet());
            timeout = new AckTimeoutException(silent, new HashMap<>(answers));
        }
        finish(() -> result.completeExceptionally(timeout));
    }

    /** Ends a wait that expects no answer (a broadcast that reached nobody). */
    void completeEmpty() {
        finish(() -> result.complete(Map.of()));
    }

    /** Ends the wait with a delivery error. */
    void fail(RuntimeException error) {
        finish(() -> result.completeExceptionally(error));
    }

    boolean done() {
        return result.isDone();
    }

    /** Waits until the result and what the app chained on it have run, at most until {@code untilNanos}. */
    void awaitSettled(long untilNanos) throws InterruptedException {
        settled.await(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void finish(Runnable complete) {
        try {
            complete.run();
        } finally {
            settled.countDown();
        }
    }
}
