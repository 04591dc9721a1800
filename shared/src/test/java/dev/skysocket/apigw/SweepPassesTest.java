package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** One scheduled invocation's heartbeat passes, on a simulated clock: no test here sleeps. */
class SweepPassesTest {
    private static final long SWEEP = 60_000;
    private static final long PASS = 15_000;
    private static final long MARGIN = 5_000;

    private final MutableClock clock = new MutableClock();
    private final long start = clock.millis();
    private final List<Long> passOffsets = new ArrayList<>();
    private final List<Long> sleeps = new ArrayList<>();
    /** Due times of the connections still waiting; a pass handles every one due by its start. */
    private final TreeSet<Long> due = new TreeSet<>();
    private long passDurationMs;

    private SweepPasses passes(long passPeriod, LongPredicate anythingDueBy) {
        return new SweepPasses(() -> {
            long now = clock.millis();
            passOffsets.add(now - start);
            int handled = due.headSet(now, true).size();
            due.headSet(now, true).clear();
            clock.advance(Duration.ofMillis(passDurationMs));
            return new SweepReport(handled, 0, 0, 0, passDurationMs);
        }, anythingDueBy, clock, ms -> {
            sleeps.add(ms);
            clock.advance(Duration.ofMillis(ms));
        }, SWEEP, passPeriod, MARGIN);
    }

    private SweepPasses passesOverDue() {
        return passes(PASS, until -> !due.isEmpty() && due.first() <= until);
    }

    private long remainingForever() {
        return Long.MAX_VALUE;
    }

    @Test
    void whileSomethingIsDueThePassesRunEveryPassPeriodInsideTheMinute() {
        SweepPasses.Outcome outcome = passes(PASS, until -> true).run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L, 15_000L, 30_000L, 45_000L);
        assertThat(outcome.passes()).isEqualTo(4);
        assertThat(outcome.sleptMs()).isEqualTo(45_000);
    }

    @Test
    void coveringTheNextRunTooItPassesThroughThatRunsWindowSoASkippedRunLeavesNoGap() {
        SweepPasses passes = new SweepPasses(() -> {
            passOffsets.add(clock.millis() - start);
            return new SweepReport(0, 0, 0, 0, 0);
        }, until -> true, clock, ms -> clock.advance(Duration.ofMillis(ms)), SWEEP, PASS, MARGIN, 2);

        passes.run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L, 15_000L, 30_000L, 45_000L, 60_000L, 75_000L, 90_000L, 105_000L);
    }

    @Test
    void coveringTheNextRunTooItStillReturnsAtOnceWhenNothingFallsDueInEitherWindow() {
        due.add(start + 2 * SWEEP);  // the first pass of the run after the covered ones takes it
        SweepPasses passes = new SweepPasses(() -> {
            passOffsets.add(clock.millis() - start);
            return new SweepReport(0, 0, 0, 0, 0);
        }, until -> due.first() <= until, clock, ms -> clock.advance(Duration.ofMillis(ms)), SWEEP, PASS, MARGIN, 2);

        SweepPasses.Outcome outcome = passes.run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L);
        assertThat(outcome.sleptMs()).isZero();
    }

    @Test
    void whenNothingFallsDueBeforeTheNextInvocationItReturnsAfterOnePassWithoutSleeping() {
        due.add(start + SWEEP);  // the next invocation's first pass takes it

        SweepPasses.Outcome outcome = passesOverDue().run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L);
        assertThat(sleeps).isEmpty();
        assertThat(outcome.sleptMs()).isZero();
    }

    @Test
    void itPassesUntilTheLastConnectionDueInThisInvocationIsHandledThenReturns() {
        due.add(start + 5_000);
        due.add(start + 20_000);

        SweepPasses.Outcome outcome = passesOverDue().run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L, 15_000L, 30_000L);
        assertThat(outcome.total().pinged()).isEqualTo(2);
        assertThat(due).isEmpty();
    }

    @Test
    void aConnectionDueAfterTheLastSlotIsLeftToTheNextInvocation() {
        due.add(start + 45_001);

        passesOverDue().run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L);
        assertThat(due).containsExactly(start + 45_001);
    }

    @Test
    void itStopsBeforeAPassCouldRunIntoTheEndOfTheRemainingTime() {
        passDurationMs = 2_000;
        long deadline = start + 36_000;

        SweepPasses.Outcome outcome = passes(PASS, until -> true).run(() -> deadline - clock.millis());

        // +0 and +15 s fit; a pass at +30 s (2 s) plus the 5 s margin would end at +37 s, past the +36 s deadline.
        assertThat(passOffsets).containsExactly(0L, 15_000L);
        assertThat(start + outcome.total().durationMs()).isLessThanOrEqualTo(deadline - MARGIN);
    }

    @Test
    void aSlowPassSkipsTheSlotsItOverranAndNoPassStartsWhenTheNextInvocationWould() {
        passDurationMs = 20_000;

        passes(PASS, until -> true).run(this::remainingForever);

        // +0 runs to +20 s, so +15 s is skipped; +30 s runs to +50 s; +60 s belongs to the next invocation.
        assertThat(passOffsets).containsExactly(0L, 30_000L);
        assertThat(passOffsets).allMatch(offset -> offset < SWEEP);
    }

    @Test
    void aPassLongerThanTheLastSlotEndsTheInvocation() {
        passDurationMs = 50_000;

        SweepPasses.Outcome outcome = passes(PASS, until -> true).run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L);
        assertThat(outcome.sleptMs()).isZero();
    }

    @Test
    void aPassPeriodEqualToTheSweepPeriodRunsExactlyOnePassAsBefore() {
        passes(SWEEP, until -> true).run(this::remainingForever);

        assertThat(passOffsets).containsExactly(0L);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anInterruptedSleepEndsTheInvocationAndKeepsTheInterruptFlag() {
        SweepPasses passes = new SweepPasses(() -> new SweepReport(0, 0, 0, 0, 0), until -> true, clock, ms -> {
            throw new InterruptedException();
        }, SWEEP, PASS, MARGIN);
        try {
            SweepPasses.Outcome outcome = passes.run(this::remainingForever);
            assertThat(outcome.passes()).isEqualTo(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
