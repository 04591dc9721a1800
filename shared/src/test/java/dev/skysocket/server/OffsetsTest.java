package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets: fixed-width hex whose text order is time order, strictly rising within one process. */
class OffsetsTest {
    private static final long T = 1_796_000_000_000L;

    @Test
    void offsetsOfOneMillisecondStillRiseAndAreValid() {
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            offsets.add(Offsets.next(T + 10_000));
        }
        assertThat(offsets).isSorted().doesNotHaveDuplicates().allMatch(Offsets::valid);
    }

    @Test
    void aLaterClockSortsAfterAndTheFloorOfATimeSortsBelowItsOffsets() {
        // The real clock, not T: offsets rise above every one this JVM minted before (other tests mint at the real
        // time), so a time from the past would mint above its own floor. Only 1 ms ahead, so later tests' offsets
        // stay at their own time.
        long now = System.currentTimeMillis();
        String early = Offsets.next(now);
        String late = Offsets.next(now + 1);
        assertThat(late).isGreaterThan(early);
        assertThat(Offsets.floor(now + 1)).isGreaterThan(early).isLessThan(late);
    }

    @Test
    void onlyWhatNextMintsIsValid() {
        assertThat(Offsets.valid(null)).isFalse();
        assertThat(Offsets.valid("")).isFalse();
        assertThat(Offsets.valid("ZZ" + "0".repeat(22))).isFalse();
        assertThat(Offsets.valid("0".repeat(25))).isFalse();
        assertThat(Offsets.valid(Offsets.floor(T))).isFalse();
    }
}
