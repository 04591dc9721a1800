package dev.skysocket.gateway.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A worker thread's websocket writes gathered per event loop while a broadcast hands its frames out, then run as one
 * task per event loop: without it each frame written from a worker was its own task on its socket's loop (99 a
 * broadcast into a room of 100). The transport adapter decides what it gathers (the first write of an idle channel;
 * the frames behind it queue in the channel, so each socket's order is unchanged). Not re-entrant: an inner
 * {@link #open()} joins the outer batch.
 */
public final class WriteBatch {
    private static final ThreadLocal<Map<Object, Pending>> OPEN = new ThreadLocal<>();

    private WriteBatch() {
    }

    /** Starts gathering this thread's writes; true when this call opened the batch (and must {@link #run} it). */
    public static boolean open() {
        if (OPEN.get() != null) {
            return false;
        }
        OPEN.set(new IdentityHashMap<>());
        return true;
    }

    /**
     * Takes {@code write} into this thread's open batch, with the other writes for {@code loop} (compared by
     * identity), to run on {@code runOn}; false when no batch is open.
     */
    public static boolean add(Object loop, Executor runOn, Runnable write) {
        Map<Object, Pending> batch = OPEN.get();
        if (batch == null || loop == null) {
            return false;
        }
        batch.computeIfAbsent(loop, l -> new Pending(runOn)).writes.add(write);
        return true;
    }

    /** Ends the batch: one task per event loop runs its writes, in the order they were made. */
    public static void run() {
        Map<Object, Pending> batch = OPEN.get();
        OPEN.remove();
        if (batch != null) {
            batch.values().forEach(pending -> pending.runOn.execute(() -> pending.writes.forEach(Runnable::run)));
        }
    }

    private static final class Pending {
        final Executor runOn;
        final List<Runnable> writes = new ArrayList<>();

        Pending(Executor runOn) {
            this.runOn = runOn;
        }
    }
}
