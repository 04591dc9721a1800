package dev.skysocket.gateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Room latency from a server's first connection on, no warm-up: the room's members connect to a freshly started
 * server, join, and one of them (in turn) emits {@code say} every tick from then on. Each other member's
 * {@code said} is one sample, filed under the second (counted from the first connection's start) its emit was
 * written in. Reports p50/p99 per second and over every second from {@code fromSecond} on. Open loop, bounded:
 * the emits run {@code seconds} seconds, then up to 10 s for the last frames.
 */
final class ColdLatency {
    /** One second's samples (1-based second after the first connection), and how many of them were due. */
    record Second(int second, Percentiles latency, long received, long expected) {
    }

    /** Per-second figures, the figure from {@code fromSecond} on, and when the room was ready to take emits. */
    record Result(List<Second> seconds, int fromSecond, Percentiles fromThere, long received, long expected,
                  double connectedAfterSeconds, double joinedAfterSeconds) {
    }

    Result run(RawClients clients, int members, int rate, int seconds, int fromSecond, int concurrency)
            throws Exception {
        long t0 = System.nanoTime();
        clients.growTo(members, concurrency, Duration.ofMinutes(2));
        double connected = (System.nanoTime() - t0) / 1e9;
        clients.join(0, members, RoomLatency.ROOM, concurrency, Duration.ofMinutes(2));
        double joined = (System.nanoTime() - t0) / 1e9;
        int emits = seconds * rate;
        RoomEmits run = new RoomEmits(emits, 0, members);
        clients.onSaid((client, msg, nanos) -> {
            int i = run.emitOf(msg);
            if (i >= 0) {
                run.arrived(i, nanos);
            }
        });
        ScheduledExecutorService ticker = run.start(clients, 0, members, RoomLatency.ROOM, 1_000_000_000L / rate);
        try {
            run.awaitArrivals((long) emits * (members - 1), System.nanoTime() + (seconds + 10) * 1_000_000_000L);
        } finally {
            ticker.shutdownNow();
            clients.onSaid((client, msg, nanos) -> { });
        }
        return summarize(t0, run.sentAt, run.sent(), members, run.samples, run.sampleEmit, run.sampled(),
                fromSecond, connected, joined);
    }

    private static Result summarize(long t0, AtomicLongArray sentAt, int sent, int members, long[] samples,
                                    int[] sampleEmit, int count, int fromSecond, double connected, double joined) {
        int emits = Math.min(sent, sentAt.length());
        int lastSecond = 1;
        int[] secondOf = new int[emits];
        for (int i = 0; i < emits; i++) {
            secondOf[i] = (int) ((sentAt.get(i) - t0) / 1_000_000_000L) + 1;
            lastSecond = Math.max(lastSecond, secondOf[i]);
        }
        long[][] bySecond = new long[lastSecond + 1][];
        int[] filled = new int[lastSecond + 1];
        long[] due = new long[lastSecond + 1];
        for (int i = 0; i < emits; i++) {
            due[secondOf[i]] += members - 1;
        }
        for (int k = 0; k < count; k++) {
            filled[secondOf[sampleEmit[k]]]++;
        }
        for (int s = 0; s <= lastSecond; s++) {
            bySecond[s] = new long[filled[s]];
            filled[s] = 0;
        }
        long[] late = new long[count];
        int lateCount = 0;
        for (int k = 0; k < count; k++) {
            int s = secondOf[sampleEmit[k]];
            bySecond[s][filled[s]++] = samples[k];
            if (s >= fromSecond) {
                late[lateCount++] = samples[k];
            }
        }
        List<Second> out = new ArrayList<>();
        long dueFrom = 0;
        for (int s = 1; s <= lastSecond; s++) {
            if (due[s] > 0) {
                out.add(new Second(s, new Percentiles(bySecond[s], bySecond[s].length), bySecond[s].length, due[s]));
            }
            if (s >= fromSecond) {
                dueFrom += due[s];
            }
        }
        return new Result(out, fromSecond, new Percentiles(Arrays.copyOf(late, lateCount), lateCount), lateCount,
                dueFrom, connected, joined);
    }
}
