package dev.skysocket.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When the clients of a drained node came back, as offsets from the SIGTERM: first, last, percentiles, a
 * per-second histogram, the reconnections in each fifth of the drain window (a reconnection later than the
 * window counts in the last fifth), and the busiest span a fifth of the window long. A synchronized storm puts
 * most of them in one such span.
 */
record DrainSpread(long windowMs, List<Long> offsetsMs) {
    static final int FIFTHS = 5;

    DrainSpread {
        offsetsMs = offsetsMs.stream().sorted().toList();
    }

    long first() {
        return offsetsMs.get(0);
    }

    long last() {
        return offsetsMs.get(offsetsMs.size() - 1);
    }

    /** Nearest-rank percentile. */
    long percentile(int p) {
        int rank = (int) Math.ceil(p / 100.0 * offsetsMs.size());
        return offsetsMs.get(Math.max(0, rank - 1));
    }

    /** Reconnections per fifth of the window. */
    int[] perFifth() {
        int[] counts = new int[FIFTHS];
        for (long offset : offsetsMs) {
            counts[(int) Math.min(FIFTHS - 1, Math.max(0, offset * FIFTHS / windowMs))]++;
        }
        return counts;
    }

    /**
     * The largest share of reconnections (0..1) inside any span as long as a fifth of the window, wherever it
     * starts: a storm shows however late the clients come back, and coming back after the window is no storm.
     */
    double busiestFifthShare() {
        long span = windowMs / FIFTHS;
        int max = 0;
        int from = 0;
        for (int to = 0; to < offsetsMs.size(); to++) {
            while (offsetsMs.get(to) - offsetsMs.get(from) >= span) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return (double) max / offsetsMs.size();
    }

    /** Reconnections per whole second after the SIGTERM. */
    List<Integer> perSecond() {
        List<Integer> counts = new ArrayList<>(Collections.nCopies((int) (last() / 1000) + 1, 0));
        for (long offset : offsetsMs) {
            int second = (int) Math.max(0, offset / 1000);
            counts.set(second, counts.get(second) + 1);
        }
        return counts;
    }

    /** Count and percentiles on one line. */
    String summary() {
        return String.format("%d, ms after SIGTERM: first %d, p10 %d, p25 %d, p50 %d, p75 %d, p90 %d, last %d",
                offsetsMs.size(), first(), percentile(10), percentile(25), percentile(50), percentile(75),
                percentile(90), last());
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  count (drain window %d ms): %s%n", windowMs, summary()));
        text.append("per second after SIGTERM:\n");
        List<Integer> seconds = perSecond();
        for (int s = 0; s < seconds.size(); s++) {
            text.append(String.format("  %2d-%2d s %4d %s%n", s, s + 1, seconds.get(s), "#".repeat(seconds.get(s))));
        }
        int[] fifths = perFifth();
        text.append("per fifth of the window:");
        for (int f = 0; f < FIFTHS; f++) {
            text.append(String.format(" %d", fifths[f]));
        }
        text.append(String.format("%nbusiest span of a fifth of the window (%d ms), anywhere: %.0f %% of reconnections%n",
                windowMs / FIFTHS, busiestFifthShare() * 100));
        return text.toString();
    }
}
