package dev.skysocket.gateway.http;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker thread's websocket writes gathered per event loop while a broadcast hands its frames out, then run as one
 * task per event loop: without it each frame written from a worker was its own task on its socket's loop (99 a
 * broadcast into a room of 100). Only the first write of an idle {@link SequentialChannel} is gathered; the frames
 * behind it queue in the channel as before, so each socket's order is unchanged. Not re-entrant: an inner
 * {@link #open()} joins the outer batch.
 */
public final class WriteBatch {
    private static final ThreadLocal<Map<Context, List<Runnable>>> OPEN = new ThreadLocal<>();

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

    /** Takes {@code write} into this thread's open batch for {@code loop}; false when none is open. */
    static boolean add(Context loop, Runnable write) {
        Map<Context, List<Runnable>> batch = OPEN.get();
        if (batch == null || loop == null) {
            return false;
        }
        batch.computeIfAbsent(loop, l -> new ArrayList<>()).add(write);
        return true;
    }

    /** Ends the batch: one task per event loop runs its writes, in the order they were made. */
    public static void run() {
        Map<Context, List<Runnable>> batch = OPEN.get();
        OPEN.remove();
        if (batch != null) {
            batch.forEach((loop, writes) -> loop.runOnContext(ignored -> writes.forEach(Runnable::run)));
        }
    }
}
