package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Optional per-emit record of the room latency run, so the slow emits can be lined up with a server profile:
 * with {@code -Dskysocket.bench.latency-trace=DIR} each target writes {@code DIR/<target>.tsv}, one line per
 * emit: its index, the wall-clock time it was written (epoch microseconds, the clock JFR stamps events with), how
 * many receivers reported it, the median and slowest of their latencies in microseconds, and the raw
 * {@code System.nanoTime()} it was written at (CLOCK_MONOTONIC on Linux, so comparable with the server's own
 * stamps). Warm-up emits (the first {@code firstEmit}) have only the slowest latency; median and count are -1.
 */
final class LatencyTrace {
    static final String PROPERTY = "skysocket.bench.latency-trace";

    private LatencyTrace() {
    }

    static void write(String target, AtomicLongArray sentAt, AtomicLongArray lastAt, int firstEmit,
                      long[] samples, int[] sampleEmit, int count) throws IOException {
        String dir = System.getProperty(PROPERTY);
        if (dir == null) {
            return;
        }
        // One reading of both clocks turns the emits' nanoTime stamps into wall-clock time.
        long wallMicros = System.currentTimeMillis() * 1000;
        long nanoNow = System.nanoTime();
        int emits = sentAt.length() - firstEmit;
        long[][] byEmit = new long[emits][];
        int[] filled = new int[emits];
        for (int k = 0; k < count; k++) {
            filled[sampleEmit[k] - firstEmit]++;
        }
        for (int e = 0; e < emits; e++) {
            byEmit[e] = new long[filled[e]];
            filled[e] = 0;
        }
        for (int k = 0; k < count; k++) {
            int e = sampleEmit[k] - firstEmit;
            byEmit[e][filled[e]++] = samples[k];
        }
        Path out = Path.of(dir).resolve(target + ".tsv");
        Files.createDirectories(out.getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("emit\tsent_epoch_us\treceived\tp50_us\tmax_us\tsent_nanos");
            for (int e = 0; e < firstEmit; e++) {
                long last = lastAt.get(e);
                w.printf("%d\t%d\t-1\t-1\t%d\t%d%n", e, wallMicros - (nanoNow - sentAt.get(e)) / 1000,
                        last == 0 ? -1 : (last - sentAt.get(e)) / 1000, sentAt.get(e));
            }
            for (int e = 0; e < emits; e++) {
                long[] l = byEmit[e];
                Arrays.sort(l);
                long sent = wallMicros - (nanoNow - sentAt.get(e + firstEmit)) / 1000;
                w.printf("%d\t%d\t%d\t%d\t%d\t%d%n", e + firstEmit, sent, l.length,
                        l.length == 0 ? -1 : l[l.length / 2] / 1000, l.length == 0 ? -1 : l[l.length - 1] / 1000,
                        sentAt.get(e + firstEmit));
            }
        }
    }
}
