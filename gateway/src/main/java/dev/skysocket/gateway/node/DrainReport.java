package dev.skysocket.gateway.node;

import java.util.List;

/**
 * How a drain went: how many sessions it closed and when, as offsets from the start of the drain. A good drain
 * has its median near half the window, not at zero (a reconnection storm on the other tasks).
 *
 * @param closed         sessions the drain closed
 * @param minOffsetMs    the first close, ms after the drain began (0 when none)
 * @param medianOffsetMs the median close
 * @param maxOffsetMs    the last close
 * @param complete       every close ran before the window plus grace ran out
 */
public record DrainReport(int closed, long minOffsetMs, long medianOffsetMs, long maxOffsetMs, boolean complete) {

    /** From the close offsets in any order. */
    static DrainReport of(List<Long> offsetsMs, boolean complete) {
        if (offsetsMs.isEmpty()) {
            return new DrainReport(0, 0, 0, 0, complete);
        }
        List<Long> sorted = offsetsMs.stream().sorted().toList();
        return new DrainReport(sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), complete);
    }
}
