package dev.skysocket.gateway.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The emits of a room latency run and their samples: emit {@code i} goes out as {@code say} with message
 * {@code FIRST_MSG + i}, written when its tick comes (open loop); each other member's {@code said} for a counted
 * emit (from {@code firstCounted} on) is one sample, receive time minus write time, filed with its emit's index.
 */
final class RoomEmits {
    private static final long FIRST_MSG = 1_000_000_000L;

    /** When each emit was written, by emit. */
    final AtomicLongArray sentAt;
    /** The samples in arrival order, and which emit each belongs to (for the trace). */
    final long[] samples;
    final int[] sampleEmit;
    private final int firstCounted;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger next = new AtomicInteger();

    RoomEmits(int emits, int firstCounted, int members) {
        this.sentAt = new AtomicLongArray(emits);
        this.samples = new long[(emits - firstCounted) * (members - 1)];
        this.sampleEmit = new int[samples.length];
        this.firstCounted = firstCounted;
    }

    /** The emit a {@code said} frame's message stands for, or -1 for one of no emit of this run. */
    int emitOf(long msg) {
        long i = msg - FIRST_MSG;
        return i >= 0 && i < sentAt.length() ? (int) i : -1;
    }

    /** Files one arrival of emit {@code i} (from {@link #emitOf}); an uncounted emit's arrival is left out. */
    void arrived(int i, long nanos) {
        if (i < firstCounted) {
            return;
        }
        received.incrementAndGet();
        int at = count.getAndIncrement();
        if (at < samples.length) {
            samples[at] = nanos - sentAt.get(i);
            sampleEmit[at] = i;
        }
    }

    /**
     * Starts the ticker: every {@code periodNanos} the next emit, from client {@code from + i % members} into
     * {@code room}. The caller shuts it down.
     */
    ScheduledExecutorService start(RawClients clients, int from, int members, String room, long periodNanos) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < sentAt.length()) {
                sentAt.set(i, System.nanoTime());
                clients.say(from + i % members, room, FIRST_MSG + i);
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        return ticker;
    }

    /** Waits, polling, until {@code expected} counted arrivals or {@code deadlineNanos} (a {@code nanoTime}). */
    void awaitArrivals(long expected, long deadlineNanos) throws InterruptedException {
        while (received.get() < expected && System.nanoTime() < deadlineNanos) {
            Thread.sleep(50);
        }
    }

    long received() {
        return received.get();
    }

    /** How many samples the arrays hold. */
    int sampled() {
        return Math.min(count.get(), samples.length);
    }

    /** How many emits the ticker wrote. */
    int sent() {
        return next.get();
    }
}
