package dev.skysocket.gateway.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of nanosecond durations, in milliseconds. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] nanos, int count) {
        this.sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The p-th percentile (nearest rank), or NaN for an empty sample. */
    double millis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
