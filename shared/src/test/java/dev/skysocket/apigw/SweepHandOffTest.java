package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.SweepRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * One invocation covering the next run's minute, on a simulated clock, with the next run's start seen through
 * {@link SweepHandOff}: it ends at its first look past its own minute once the next run has started, and keeps
 * passing when that run is late or the store fails (a store fault is stubbed: DynamoDB Local cannot fail on cue).
 */
class SweepHandOffTest {
    private static final long SWEEP = 60_000;
    private static final long PASS = 15_000;

    private final MutableClock clock = new MutableClock();
    private final long start = clock.millis();
    private final List<Long> passOffsets = new ArrayList<>();
    /** When the next run starts, relative to this one; never when negative. */
    private long nextRunAt = -1;
    private boolean storeFails;
    private int reads;

    private final SweepRuns store = new SweepRuns() {
        @Override
        public void started(String runId, long at) {
            if (storeFails) {
                throw new IllegalStateException("store down");
            }
        }

        @Override
        public OptionalLong latestStart() {
            reads++;
            if (storeFails) {
                throw new IllegalStateException("store down");
            }
            long now = clock.millis() - start;
            return nextRunAt >= 0 && now >= nextRunAt ? OptionalLong.of(start + nextRunAt) : OptionalLong.of(start);
        }
    };

    private SweepPasses.Outcome run() {
        return new SweepPasses(() -> {
            passOffsets.add(clock.millis() - start);
            return new SweepReport(0, 0, 0, 0, 0);
        }, until -> true, clock, ms -> clock.advance(Duration.ofMillis(ms)), SWEEP, PASS, 5_000,
                SweepPasses.SCHEDULED_RUNS_COVERED, new SweepHandOff(store)).run(() -> Long.MAX_VALUE);
    }

    @Test
    void whenTheNextRunStartsOnTimeTheRunEndsAtItsFirstLookPastItsOwnMinute() {
        nextRunAt = SWEEP + 3_000;  // a few seconds of EventBridge jitter

        SweepPasses.Outcome outcome = run();

        assertThat(passOffsets).containsExactly(0L, 15_000L, 30_000L, 45_000L);
        assertThat(outcome.stop()).isEqualTo("handed_off");
        assertThat(outcome.sleptMs()).isEqualTo(SWEEP + SweepPasses.HAND_OFF_GRACE_MS);
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void aLateNextRunIsCoveredUntilItStarts() {
        nextRunAt = SWEEP + 20_000;

        SweepPasses.Outcome outcome = run();

        assertThat(passOffsets).containsExactly(0L, 15_000L, 30_000L, 45_000L, 65_000L, 75_000L);
        assertThat(outcome.stop()).isEqualTo("handed_off");
    }

    @Test
    void aMissedNextRunIsCoveredThroughItsWholeMinute() {
        SweepPasses.Outcome outcome = run();

        assertThat(passOffsets).containsExactly(0L, 15_000L, 30_000L, 45_000L, 65_000L, 75_000L, 90_000L, 105_000L);
        assertThat(outcome.stop()).isEqualTo("period_over");
    }

    @Test
    void whenTheStoreFailsTheRunKeepsCovering() {
        nextRunAt = SWEEP + 3_000;
        storeFails = true;

        SweepPasses.Outcome outcome = run();

        assertThat(passOffsets).hasSize(8);
        assertThat(outcome.stop()).isEqualTo("period_over");
    }

    @Test
    void coveringOnlyItsOwnMinuteTheRunNeverReadsTheStore() {
        new SweepPasses(() -> {
            passOffsets.add(clock.millis() - start);
            return new SweepReport(0, 0, 0, 0, 0);
        }, until -> true, clock, ms -> clock.advance(Duration.ofMillis(ms)), SWEEP, PASS, 5_000, 1,
                new SweepHandOff(store)).run(() -> Long.MAX_VALUE);

        assertThat(passOffsets).containsExactly(0L, 15_000L, 30_000L, 45_000L);
        assertThat(reads).isZero();
    }
}
