package dev.skysocket.gateway.node;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One store read per key at a time, shared by every caller that arrived while it waited to start: a caller gets
 * the result of a read that began after it arrived (the one it started, or the next one, which starts when the
 * read in flight ends), so it sees every write that completed before it asked, exactly as its own read would.
 * With a fast store each caller reads alone; when reads slow down (a cold JVM, a busy table) the emits into one
 * room queue behind one read instead of each adding their own.
 */
final class CoalescedReads<K, V> {
    private static final class Batch<V> {
        final CompletableFuture<V> result = new CompletableFuture<>();
    }

    /** The read in flight for a key, and the one that will start after it (callers that arrived meanwhile). */
    private static final class Slot<V> {
        Batch<V> running;
        Batch<V> next;
    }

    private final Map<K, Slot<V>> slots = new HashMap<>();

    V read(K key, Supplier<V> reader) {
        Batch<V> mine;
        Batch<V> ahead = null;
        synchronized (this) {
            Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
            if (slot.running == null) {
                mine = slot.next != null ? slot.next : new Batch<>();
                slot.next = null;
                slot.running = mine;
            } else {
                if (slot.next == null) {
                    slot.next = new Batch<>();
                }
                mine = slot.next;
                ahead = slot.running;
            }
        }
        while (ahead != null) {
            ahead.result.handle((v, e) -> null).join(); // it may have begun before this caller arrived
            boolean startedElsewhere;
            synchronized (this) {
                Slot<V> slot = slots.get(key);
                startedElsewhere = slot == null || slot.next != mine;
                if (!startedElsewhere) {
                    if (slot.running == null) {
                        slot.next = null;
                        slot.running = mine;
                    }
                    ahead = slot.running == mine ? null : slot.running;
                }
            }
            if (startedElsewhere) {
                return await(mine); // another caller of this batch started it; waited for outside the lock
            }
        }
        return run(key, mine, reader);
    }

    private V run(K key, Batch<V> batch, Supplier<V> reader) {
        V value = null;
        Throwable failure = null;
        try {
            value = reader.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // The slot is free before anyone learns the result: a caller woken by it finds no read in flight and
        // starts the batch it waits in (completing first would let every caller wait on a batch nobody starts).
        synchronized (this) {
            Slot<V> slot = slots.get(key);
            if (slot != null && slot.running == batch) {
                slot.running = null;
                if (slot.next == null) {
                    slots.remove(key);
                }
            }
        }
        if (failure != null) {
            batch.result.completeExceptionally(failure);
        } else {
            batch.result.complete(value);
        }
        return await(batch);
    }

    private static <V> V await(Batch<V> batch) {
        try {
            return batch.result.join();
        } catch (CompletionException e) {
            // The store's own exception, as a caller reading alone would have had it.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Keys with a read in flight or waiting (for tests). */
    synchronized int pendingKeys() {
        return slots.size();
    }
}
